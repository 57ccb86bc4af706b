import {
  type FieldNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  Kind,
  type SelectionSetNode,
} from "graphql";

/*
 * Walking a request's own document, as graphql-js will execute it: the planner reads ahead with
 * these, and resolvers use them to tell which parts of their items are selected.
 */

/** The items of connections: `nodes {…}` and `edges { node {…} }`. */
export function connectionItems(info: GraphQLResolveInfo, connections: readonly FieldNode[]): FieldNode[] {
  return selectedChildren(info, connections, "nodes").concat(
    selectedChildren(info, selectedChildren(info, connections, "edges"), "node"),
  );
}

export function selectionSetsOf(fields: readonly FieldNode[]): SelectionSetNode[] {
  return fields.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
}

export function selectedChildren(info: GraphQLResolveInfo, parents: readonly FieldNode[], name: string): FieldNode[] {
  const sets = parents.flatMap((parent) => (parent.selectionSet ? [parent.selectionSet] : []));
  return fieldsOf(info, null, sets).filter((field) => field.name.value === name);
}

/**
 * The fields a selection asks for on `objectType` (any type when null): fragments spread and
 * inlined when their condition is the type or an interface it implements, @skip and @include obeyed.
 */
export function fieldsOf(
  info: GraphQLResolveInfo,
  objectType: GraphQLObjectType | null,
  selections: readonly SelectionSetNode[],
): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(info, selection)) continue;
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(objectType, selection.typeCondition?.name.value)) visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(objectType, fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  selections.forEach(visit);
  return fields;
}

function applies(objectType: GraphQLObjectType | null, condition: string | undefined): boolean {
  if (!objectType || condition === undefined || condition === objectType.name) return true;
  return objectType.getInterfaces().some((implemented) => implemented.name === condition);
}

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}
