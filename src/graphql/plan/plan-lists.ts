import {
  type FieldNode,
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  Kind,
  type SelectionSetNode,
} from "graphql";
import type { NodeKind } from "../../domain/entities";
import { DomainError } from "../../domain/errors";
import type { PlannedList } from "../../store/graph-store";
import type { Context } from "../context";
import { type ListField, listFieldOf } from "../list-fields";
import { loaderKey } from "../loaders/loaders";
import { listFilter, pageRequest } from "../arguments";
import type { PageArgs, RelationshipArgs } from "../types/args";

/**
 * Plans the relationship lists a request will read under the nodes of one selection, from the
 * request's own document: for every list field selected on the node type (see list-fields.ts),
 * the filter and page its resolver will ask for, and under each, the lists selected on the node at
 * the other end. Arguments go through the same checks the resolvers make; a list whose arguments
 * are refused is left out, so its resolver reports the error as it always does. Lists asked for
 * twice (aliases, fragments) are planned once.
 */
function planLists(
  ctx: Context,
  info: GraphQLResolveInfo,
  type: NodeKind,
  selections: readonly SelectionSetNode[],
): PlannedList[] {
  const objectType = info.schema.getType(type) as GraphQLObjectType;
  const planned = new Map<string, { request: Request; endType: NodeKind; under: SelectionSetNode[] }>();
  for (const field of fieldsOf(info, objectType, selections)) {
    const listField = listFieldOf(type, field.name.value);
    const request = listField && requestOf(ctx, info, objectType, field, listField);
    if (!listField || !request) continue;
    const key = loaderKey(request.filter, request.page);
    const entry = planned.get(key) ?? { request, endType: listField.otherEnd.type, under: [] };
    entry.under.push(...otherEndSelections(info, field, listField.otherEnd.field));
    planned.set(key, entry);
  }
  return [...planned.values()].map(({ request, endType, under }) => ({
    ...request,
    next: under.length > 0 ? planLists(ctx, info, endType, under) : [],
  }));
}

type Request = Pick<PlannedList, "filter" | "page">;

/** The filter and page the list's resolver will ask for, or null when its arguments are refused. */
function requestOf(
  ctx: Context,
  info: GraphQLResolveInfo,
  objectType: GraphQLObjectType,
  field: FieldNode,
  listField: ListField,
): Request | null {
  const definition = objectType.getFields()[field.name.value]!;
  const args = getArgumentValues(definition, field, info.variableValues) as unknown as RelationshipArgs & PageArgs;
  try {
    return { filter: listFilter(listField, args), page: pageRequest(ctx, args) };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** Lists planned under the nodes a root field returns: the field's own selection (`company(id) {…}`). */
export function planUnderField(ctx: Context, info: GraphQLResolveInfo, type: NodeKind): PlannedList[] {
  return planLists(ctx, info, type, selectionSetsOf(info.fieldNodes));
}

/** Lists planned under the items of a root connection: `companies { nodes {…} edges { node {…} } }`. */
export function planUnderConnection(ctx: Context, info: GraphQLResolveInfo, type: NodeKind): PlannedList[] {
  return planLists(ctx, info, type, selectionSetsOf(connectionItems(info, info.fieldNodes)));
}

/** The selections on the other end of a list's items: `nodes { <end> {…} }` and `edges { node { <end> {…} } }`. */
function otherEndSelections(info: GraphQLResolveInfo, field: FieldNode, otherEndField: string): SelectionSetNode[] {
  return selectionSetsOf(selectedChildren(info, connectionItems(info, [field]), otherEndField));
}

function connectionItems(info: GraphQLResolveInfo, connections: readonly FieldNode[]): FieldNode[] {
  return selectedChildren(info, connections, "nodes").concat(
    selectedChildren(info, selectedChildren(info, connections, "edges"), "node"),
  );
}

function selectionSetsOf(fields: readonly FieldNode[]): SelectionSetNode[] {
  return fields.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
}

function selectedChildren(info: GraphQLResolveInfo, parents: readonly FieldNode[], name: string): FieldNode[] {
  const sets = parents.flatMap((parent) => (parent.selectionSet ? [parent.selectionSet] : []));
  return fieldsOf(info, null, sets).filter((field) => field.name.value === name);
}

/**
 * The fields a selection asks for on `objectType` (any type when null): fragments spread and
 * inlined when their condition is the type or an interface it implements, @skip and @include obeyed.
 */
function fieldsOf(
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
