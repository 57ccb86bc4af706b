import { type FieldNode, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import { type ClassType, getMetadataStorage, type ValidatorFn } from "type-graphql";
import { isPromiseLike } from "./maybe-promise";

type Metadata = ReturnType<typeof getMetadataStorage>;
type ResolverDefinition = Metadata["fieldResolvers"][number];
type ClassDefinition = Metadata["objectTypes"][number];
type FieldDefinition = NonNullable<ClassDefinition["fields"]>[number];
type ParamDefinition = NonNullable<ResolverDefinition["params"]>[number];
type Resolve = GraphQLFieldResolver<unknown, unknown>;
type ArgsMaker = (args: Record<string, unknown>) => Record<string, unknown>;
/** One parameter of a resolver method, made from what graphql-js passes. */
type Take = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/**
 * type-graphql calls every field resolver through a generic handler that, on every call, looks the
 * resolver instance up, sorts and maps the parameter decorators, finds the arguments' class in its
 * metadata, and validates them with an awaited call, so that every field with arguments answers a
 * promise. A nested read calls thousands of field resolvers (`customer`, `supplier`, `spend`,
 * `high` on every item, a list on every node), and that handler was a fifth of its time. A field
 * resolver whose parameters are `@Root`, `@Ctx`, `@Info` and `@Args`, with no middleware and no
 * role, is called here directly: the same method with the same values, the arguments made into
 * their class and validated by `validate` as type-graphql does, on one instance of the resolver
 * class. Any other field keeps type-graphql's handler.
 */
export function callResolversDirectly(
  schema: GraphQLSchema,
  resolverClasses: readonly ClassType[],
  validate: ValidatorFn,
): void {
  const metadata = getMetadataStorage();
  const instances = new Map<ResolverDefinition["target"], object>();
  for (const objectType of metadata.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const declared = declaredField(metadata, objectType, field.name);
      const definition = declared && resolverOf(metadata, declared, resolverClasses);
      const direct = definition && directResolver(metadata, definition, instances, validate);
      if (direct) field.resolve = direct;
    }
  }
}

/**
 * The field metadata type-graphql builds `fieldName` of `objectType` from: its own fields win over
 * its interfaces' (the one registered last over the earlier ones), and both over its superclass's.
 */
function declaredField(
  metadata: Metadata,
  objectType: ClassDefinition,
  fieldName: string,
): FieldDefinition | undefined {
  const named = (fields: readonly FieldDefinition[] | undefined) => fields?.find((f) => f.schemaName === fieldName);
  const own = named(objectType.fields);
  if (own) return own;
  const implemented = objectType.interfaceClasses ?? [];
  const interfaces = metadata.interfaceTypes.filter((i) => implemented.includes(i.target));
  for (const found of interfaces.reverse().map((i) => named(i.fields))) if (found) return found;
  const parent = metadata.objectTypes.find((o) => o.target === Object.getPrototypeOf(objectType.target));
  return parent ? declaredField(metadata, parent, fieldName) : undefined;
}

/** The resolver type-graphql attaches to `field`, as it finds it. */
function resolverOf(
  metadata: Metadata,
  field: FieldDefinition,
  resolverClasses: readonly ClassType[],
): ResolverDefinition | undefined {
  return metadata.fieldResolvers.find(
    (r) =>
      (r.kind === "internal" || resolverClasses.includes(r.target as ClassType)) &&
      r.getObjectType?.() === field.target &&
      r.methodName === field.name,
  );
}

/** A direct call of the resolver method, or null when type-graphql's handler must stay. */
function directResolver(
  metadata: Metadata,
  definition: ResolverDefinition,
  instances: Map<ResolverDefinition["target"], object>,
  validate: ValidatorFn,
): Resolve | null {
  const { kind, params, middlewares, roles, target, methodName } = definition;
  if (kind !== "external" || !params || !middlewares || middlewares.length > 0 || (roles && roles.length > 0)) {
    return null;
  }
  const takes = [...params].sort((a, b) => a.index - b.index).map((param) => takeOf(metadata, param));
  if (takes.some((take) => take === null)) return null;
  let instance = instances.get(target);
  if (!instance) instances.set(target, (instance = new (target as ClassType)()));
  const method = (instance as Record<string, unknown>)[methodName];
  if (typeof method !== "function") return null;
  const call = callWith(instance, method as (...values: unknown[]) => unknown, takes as Take[]);
  const argsParam = params.find((param) => param.kind === "args");
  if (!argsParam) return call;
  const argsClass = argsParam.getType() as ClassType;
  const made = argsInstanceMaker(metadata, argsClass);
  return made && validatedFirst(call, made, argsClass, validate);
}

function takeOf(metadata: Metadata, param: ParamDefinition): Take | null {
  switch (param.kind) {
    case "root": {
      // A typed root is converted to its class by type-graphql; that one stays with the handler.
      if (param.getType) return null;
      const property = param.propertyName;
      return property ? (root) => (root as Record<string, unknown>)[property] : (root) => root;
    }
    case "context": {
      const property = param.propertyName;
      return property
        ? (_root, _args, context) => (context as Record<string, unknown>)[property]
        : (_root, _args, context) => context;
    }
    case "info":
      return (_root, _args, _context, info) => info;
    case "args":
      // Made into their class and validated before the call (see validatedFirst); an argument with
      // its own validator stays with the handler.
      return param.validateFn ? null : (_root, args) => args;
    default:
      return null;
  }
}

/**
 * The arguments as type-graphql hands them to a resolver: an instance of their class holding the
 * values graphql-js parsed for the fields the class declares (its own and its superclasses'), a
 * field the request leaves out keeping the class's default. Null (the handler stays) for a class
 * with an input-object field, whose value type-graphql converts too, or with a default that is an
 * object, which each instance must have its own of.
 */
function argsInstanceMaker(metadata: Metadata, argsClass: ClassType): ArgsMaker | null {
  const fields: FieldDefinition[] = [];
  for (let c: unknown = argsClass; typeof c === "function" && c.prototype !== undefined; c = Object.getPrototypeOf(c)) {
    const declared = metadata.argumentTypes.find((t) => t.target === c);
    if (declared?.fields) fields.push(...declared.fields);
  }
  const inputClasses = new Set(metadata.inputTypes.map((t) => t.target));
  if (fields.some((field) => inputClasses.has(field.getType() as ClassType))) return null;
  const names = [...new Set(fields.map((field) => field.name))];
  const defaults = Object.entries(new argsClass() as object).filter(([, value]) => value !== undefined);
  if (defaults.some(([, value]) => typeof value === "object" || typeof value === "function")) return null;
  // The class's defaults are plain values, the same for every instance: set from one reading of
  // them rather than by constructing the class and deleting the fields left out.
  return (args) => {
    const instance = Object.create(argsClass.prototype as object) as Record<string, unknown>;
    for (const [name, value] of defaults) instance[name] = value;
    for (const name of names) if (args[name] !== undefined) instance[name] = args[name];
    return instance;
  };
}

/**
 * Makes the arguments' instance and runs `validate` on it before the call, as type-graphql does (a
 * refusal fails the field); without waiting when the validator answers at once, as ours does. The
 * arguments of one field of a document are the same for every item graphql-js resolves it on
 * (they come from the field's node and the request's variables), and `validate` judges arguments by
 * their values alone: once they pass, the other items of the request skip the validator and get a
 * copy of the instance that passed, each its own, rather than one made field by field again.
 */
function validatedFirst(call: Resolve, made: ArgsMaker, argsClass: ClassType, validate: ValidatorFn): Resolve {
  const passed = new WeakMap<FieldNode, { readonly variables: unknown; readonly instance: object }>();
  const copyOf = (instance: object) => Object.assign(Object.create(argsClass.prototype as object) as object, instance);
  return (root, args, context, info) => {
    const field = info.fieldNodes[0]!;
    const known = passed.get(field);
    if (known?.variables === info.variableValues) return call(root, copyOf(known.instance), context, info);
    const instance = made(args);
    const verdict = validate(instance, argsClass, { root, args, context: context as object, info });
    const pass = () => {
      passed.set(field, { variables: info.variableValues, instance: copyOf(instance) });
      return call(root, instance, context, info);
    };
    return isPromiseLike(verdict) ? verdict.then(pass) : pass();
  };
}

/** Spelled out for the usual parameter counts: this runs for every field of every item. */
function callWith(instance: object, method: (...values: unknown[]) => unknown, takes: Take[]): Resolve {
  const [first, second, third, fourth] = takes;
  switch (takes.length) {
    case 1:
      return (root, args, context, info) => method.call(instance, first!(root, args, context, info));
    case 2:
      return (root, args, context, info) =>
        method.call(instance, first!(root, args, context, info), second!(root, args, context, info));
    case 3:
      return (root, args, context, info) =>
        method.call(
          instance,
          first!(root, args, context, info),
          second!(root, args, context, info),
          third!(root, args, context, info),
        );
    case 4:
      return (root, args, context, info) =>
        method.call(
          instance,
          first!(root, args, context, info),
          second!(root, args, context, info),
          third!(root, args, context, info),
          fourth!(root, args, context, info),
        );
    default:
      return (root, args, context, info) =>
        method.apply(
          instance,
          takes.map((take) => take(root, args, context, info)),
        );
  }
}
