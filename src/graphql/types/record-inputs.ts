import { GraphQLFloat, GraphQLInt, GraphQLString, type GraphQLScalarType, GraphQLBoolean } from "graphql";
import { Field, InputType, registerEnumType } from "type-graphql";
import { z } from "zod";
import { RECORD_SCHEMAS } from "../../domain/dataset";
import * as sharedEnums from "./enums";

/**
 * The typed form of a batch's records, made from the zod schemas the loader checks records with
 * (src/domain/dataset.ts): one definition, two uses. Each collection becomes a list of an input
 * type, each zod object an input type, each zod enum a GraphQL enum (the output enum of the same
 * values where there is one), and a field the loader may fill (nullable, or with a default) a
 * nullable field. A field or a collection added to the schemas appears here with no second edit.
 *
 * GraphQL checks the shape (names, types, required fields, enum values); the values then go
 * through the loader's checks like a file's records, so the typed and the JSON form of a batch
 * are refused in the same words for everything beyond types.
 */

/** Fields the server sets on every recorded batch, whatever is sent (see batch-writes.ts). */
type Stamped = Readonly<Partial<Record<keyof typeof RECORD_SCHEMAS, readonly string[]>>>;

type Schema = z.core.$ZodType;
/** The GraphQL type of a field, as type-graphql takes it: a class, a scalar or an enum, maybe in a list. */
type TypeRef = object | [object];

interface FieldShape {
  readonly type: TypeRef;
  readonly nullable: boolean;
  readonly description: string | undefined;
}

/** Names of collections that do not make a singular by dropping an `s`. */
const IRREGULAR: Readonly<Record<string, string>> = { people: "person" };

/**
 * Builds `RecordsInput` (one optional list per collection) and every type under it; called once,
 * when the schema's types are declared. `stamped` names the fields the server sets itself, left
 * out of the input.
 */
export function recordsInputType(stamped: Stamped): object {
  const builder = new InputTypeBuilder();
  const fields = Object.fromEntries(
    Object.entries(RECORD_SCHEMAS).map(([collection, schema]): [string, FieldShape] => {
      const omitted = stamped[collection as keyof typeof RECORD_SCHEMAS] ?? [];
      const record = builder.objectType(schema, pascal(singular(collection)), omitted);
      return [collection, { type: [record], nullable: true, description: undefined }];
    }),
  );
  return builder.declare(
    "RecordsInput",
    "Records in the dataset file format (seed/README.md), typed: each collection may be left out.",
    fields,
  );
}

class InputTypeBuilder {
  /** Zod objects already declared, so that a schema used in several places is one GraphQL type. */
  private readonly declared = new Map<Schema, object>();
  /** Enums made here for value lists the output types have no enum of. */
  private readonly enums = new Map<string, object>();

  objectType(schema: Schema, base: string, omitted: readonly string[] = []): object {
    const known = this.declared.get(schema);
    if (known) return known;
    const def = schema._zod.def as z.core.$ZodObjectDef;
    if (def.type !== "object") throw new Error(`${base}: a record must be a zod object, not ${def.type}`);
    const name = `${titleOf(schema) ?? base}Input`;
    const fields = Object.fromEntries(
      Object.entries(def.shape)
        .filter(([field]) => !omitted.includes(field))
        .map(([field, fieldSchema]) => [field, this.field(fieldSchema, `${base}${pascal(field)}`)]),
    );
    const type = this.declare(name, undefined, fields);
    this.declared.set(schema, type);
    return type;
  }

  declare(name: string, description: string | undefined, fields: Record<string, FieldShape>): object {
    // A named class, so that type-graphql's messages name the type it is about.
    const Input = { [name]: class {} }[name]!;
    for (const [field, shape] of Object.entries(fields)) {
      const options = { nullable: shape.nullable, description: shape.description };
      Field(() => shape.type, options)(Input.prototype, field);
    }
    InputType(name, { description })(Input);
    return Input;
  }

  /** A field: nullable when the loader accepts it missing (nullable, optional, default). */
  private field(schema: Schema, path: string): FieldShape {
    let inner = schema;
    const wrappers = new Set<string>();
    let fallback: unknown = null;
    for (;;) {
      const def = inner._zod.def as z.core.$ZodDefaultDef | z.core.$ZodNullableDef | z.core.$ZodOptionalDef;
      if (def.type !== "default" && def.type !== "nullable" && def.type !== "optional") break;
      if (def.type === "default") fallback = def.defaultValue;
      wrappers.add(def.type);
      inner = def.innerType;
    }
    const description = [
      z.globalRegistry.get(schema)?.description,
      // GraphQL cannot say "required, but may be null"; the description does.
      wrappers.size === 1 && wrappers.has("nullable") ? "Required: null when there is none." : undefined,
      fallback === null ? undefined : `Default: \`${JSON.stringify(fallback)}\`.`,
    ].filter((part) => part !== undefined);
    return {
      type: this.typeOf(inner, path),
      nullable: wrappers.size > 0,
      description: description.length > 0 ? description.join(" ") : undefined,
    };
  }

  private typeOf(schema: Schema, path: string): TypeRef {
    const def = schema._zod.def as z.core.$ZodTypeDef;
    switch (def.type) {
      case "array": {
        const element = this.typeOf((def as z.core.$ZodArrayDef).element, path);
        if (Array.isArray(element)) throw new Error(`${path}: lists of lists have no input type here`);
        return [element];
      }
      case "object":
        return this.objectType(schema, path);
      case "enum":
        return this.enumOf(Object.values((def as z.core.$ZodEnumDef).entries).map(String), path);
      case "union":
        return this.unionScalar((def as z.core.$ZodUnionDef).options, path);
      default:
        return scalarOf(schema, path);
    }
  }

  /** The output types' enum of the same values when there is one, so a client uses one vocabulary. */
  private enumOf(values: readonly string[], path: string): object {
    const key = [...values].sort().join(",");
    const shared = Object.values(sharedEnums).find(
      (candidate) => typeof candidate === "object" && Object.keys(candidate).sort().join(",") === key,
    );
    if (shared) return shared;
    let made = this.enums.get(key);
    if (!made) {
      made = Object.fromEntries(values.map((value) => [value, value]));
      registerEnumType(made, { name: path });
      this.enums.set(key, made);
    }
    return made;
  }

  /** A union of scalars of one GraphQL type (a date or a date-time: both strings) is that type. */
  private unionScalar(options: readonly Schema[], path: string): GraphQLScalarType {
    const types = new Set(options.map((option) => scalarOf(option, path)));
    if (types.size !== 1) throw new Error(`${path}: a union of different types has no input type here`);
    return [...types][0]!;
  }
}

function scalarOf(schema: Schema, path: string): GraphQLScalarType {
  const def = schema._zod.def as z.core.$ZodTypeDef;
  switch (def.type) {
    case "string":
      return GraphQLString;
    case "boolean":
      return GraphQLBoolean;
    case "number":
      return (schema as z.ZodNumber).format === "safeint" ? GraphQLInt : GraphQLFloat;
    default:
      throw new Error(`${path}: a zod ${def.type} has no input type here; add it to record-inputs.ts`);
  }
}

/** A schema's own name (its `meta({ title })`), for types used in several places. */
function titleOf(schema: Schema): string | undefined {
  return z.globalRegistry.get(schema)?.title;
}

function singular(collection: string): string {
  if (IRREGULAR[collection]) return IRREGULAR[collection];
  if (collection.endsWith("ies")) return `${collection.slice(0, -3)}y`;
  return collection.endsWith("s") ? collection.slice(0, -1) : collection;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
