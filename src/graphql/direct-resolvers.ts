import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from "graphql";
import { type ClassType, getMetadataStorage } from "type-graphql";

type Metadata = ReturnType<typeof getMetadataStorage>;
type ResolverDefinition = Metadata["fieldResolvers"][number];
type ClassDefinition = Metadata["objectTypes"][number];
type FieldDefinition = NonNullable<ClassDefinition["fields"]>[number];
type ParamDefinition = NonNullable<ResolverDefinition["params"]>[number];
type Resolve = GraphQLFieldResolver<unknown, unknown>;
/** One parameter of a resolver method, taken from what graphql-js passes. */
type Take = (root: unknown, context: unknown, info: unknown) => unknown;

/**
 * type-graphql calls every field resolver through a generic handler that, on every call, looks the
 * resolver instance up, sorts and maps the parameter decorators and builds their values. A nested
 * read calls thousands of them (`customer`, `supplier`, `spend`, `high` on every item of every
 * list), and that handler was a tenth of its time. A field resolver whose parameters are only
 * `@Root`, `@Ctx` and `@Info`, with no middleware and no role, is called here directly: the same
 * method, with the same values, on one instance of its class, as the handler would. Any other
 * field (arguments, which type-graphql converts and validates; middleware; roles) keeps
 * type-graphql's handler.
 */
export function callResolversDirectly(schema: GraphQLSchema, resolverClasses: readonly ClassType[]): void {
  const metadata = getMetadataStorage();
  const instances = new Map<ResolverDefinition["target"], object>();
  for (const objectType of metadata.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const declared = declaredField(metadata, objectType, field.name);
      const definition = declared && resolverOf(metadata, declared, resolverClasses);
      const direct = definition && directResolver(definition, instances);
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
  definition: ResolverDefinition,
  instances: Map<ResolverDefinition["target"], object>,
): Resolve | null {
  const { kind, params, middlewares, roles, target, methodName } = definition;
  if (kind !== "external" || !params || !middlewares || middlewares.length > 0 || (roles && roles.length > 0)) {
    return null;
  }
  const takes = [...params].sort((a, b) => a.index - b.index).map(takeOf);
  if (takes.some((take) => take === null)) return null;
  let instance = instances.get(target);
  if (!instance) instances.set(target, (instance = new (target as ClassType)()));
  const method = (instance as Record<string, unknown>)[methodName];
  if (typeof method !== "function") return null;
  return callWith(instance, method as (...values: unknown[]) => unknown, takes as Take[]);
}

function takeOf(param: ParamDefinition): Take | null {
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
        ? (_root, context) => (context as Record<string, unknown>)[property]
        : (_root, context) => context;
    }
    case "info":
      return (_root, _context, info) => info;
    default:
      return null;
  }
}

/** Spelled out for the usual parameter counts: this runs for every field of every item. */
function callWith(instance: object, method: (...values: unknown[]) => unknown, takes: Take[]): Resolve {
  const [first, second, third] = takes;
  switch (takes.length) {
    case 1:
      return (root, _args, context, info) => method.call(instance, first!(root, context, info));
    case 2:
      return (root, _args, context, info) =>
        method.call(instance, first!(root, context, info), second!(root, context, info));
    case 3:
      return (root, _args, context, info) =>
        method.call(instance, first!(root, context, info), second!(root, context, info), third!(root, context, info));
    default:
      return (root, _args, context, info) =>
        method.apply(
          instance,
          takes.map((take) => take(root, context, info)),
        );
  }
}
