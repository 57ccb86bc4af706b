import {
  type FieldNode,
  getArgumentValues,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";
import type { NodeKind } from "../../domain/entities";
import { DomainError } from "../../domain/errors";
import type { PlannedList } from "../../store/graph-store";
import type { Context } from "../context";
import { type ListField, listFieldOf } from "../list-fields";
import { loaderKey } from "../loaders/loaders";
import { listFilter, pageRequest } from "../arguments";
import { type Clock, clockOf, nestedClock } from "../clock";
import type { PageArgs, RelationshipArgs } from "../types/args";
import { selectedContents } from "./selected-parts";
import { connectionItems, fieldsOf, selectedChildren, selectionSetsOf } from "./selections";

/**
 * Plans the relationship lists a request will read under the nodes of one selection, from the
 * request's own document: for every list field selected on the node type (see list-fields.ts),
 * the filter and page its resolver will ask for, and under each, the lists selected on the node at
 * the other end. Arguments go through the same checks the resolvers make; a list whose arguments
 * are refused is left out, so its resolver reports the error as it always does. Lists asked for
 * twice (aliases, fragments) with the same contents are planned once. Contents (parts, count) are
 * worked out per response key, over the field nodes graphql-js merges, as the resolver works them
 * out; where a resolver still asks for other contents than planned (lists of one plan entry reached
 * under two aliases), it reads through its loader: one more store call, the same answer.
 */
function planLists(
  ctx: Context,
  info: GraphQLResolveInfo,
  type: NodeKind,
  selections: readonly SelectionSetNode[],
  clock: Clock,
): PlannedList[] {
  const objectType = info.schema.getType(type) as GraphQLObjectType;
  const planned = new Map<string, { request: Request; endType: NodeKind; under: SelectionSetNode[] }>();
  for (const fields of byResponseKey(fieldsOf(info, objectType, selections))) {
    const listField = listFieldOf(type, fields[0]!.name.value);
    const page = listField && requestOf(ctx, info, objectType, fields[0]!, listField, clock);
    if (!listField || !page) continue;
    const request = { ...page, ...selectedContents(info, fields) };
    const key = loaderKey(request.filter, request.page, request);
    const entry = planned.get(key) ?? { request, endType: listField.otherEnd.type, under: [] };
    entry.under.push(...fields.flatMap((field) => otherEndSelections(info, field, listField.otherEnd.field)));
    planned.set(key, entry);
  }
  return [...planned.values()].map(({ request, endType, under }) => ({
    ...request,
    next: under.length > 0 ? planLists(ctx, info, endType, under, clockOfFilter(request.filter)) : [],
  }));
}

/** The clock a planned list reads at, which the lists under it inherit. */
function clockOfFilter(filter: PlannedList["filter"]): Clock {
  return { asOf: filter.asOf ?? null, knownAt: filter.knownAt ?? null };
}

type Request = Omit<PlannedList, "next">;

/** Fields grouped as graphql-js merges them: by alias, or name when there is none. */
function byResponseKey(fields: readonly FieldNode[]): FieldNode[][] {
  const groups = new Map<string, FieldNode[]>();
  for (const field of fields) {
    const key = (field.alias ?? field.name).value;
    const group = groups.get(key);
    if (group) group.push(field);
    else groups.set(key, [field]);
  }
  return [...groups.values()];
}

/** The filter and page the list's resolver will ask for, or null when its arguments are refused. */
function requestOf(
  ctx: Context,
  info: GraphQLResolveInfo,
  objectType: GraphQLObjectType,
  field: FieldNode,
  listField: ListField,
  outer: Clock,
): Pick<PlannedList, "filter" | "page"> | null {
  const definition = objectType.getFields()[field.name.value]!;
  const args = getArgumentValues(definition, field, info.variableValues) as unknown as RelationshipArgs & PageArgs;
  try {
    return { filter: listFilter(listField, args, nestedClock(outer, args)), page: pageRequest(ctx, args) };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** Lists planned under the nodes a root field returns: the field's own selection (`company(id) {…}`). */
export function planUnderField(ctx: Context, info: GraphQLResolveInfo, type: NodeKind): PlannedList[] {
  return planLists(ctx, info, type, selectionSetsOf(info.fieldNodes), clockOf(ctx, info));
}

/** Lists planned under the items of a root connection: `companies { nodes {…} edges { node {…} } }`. */
export function planUnderConnection(ctx: Context, info: GraphQLResolveInfo, type: NodeKind): PlannedList[] {
  return planLists(ctx, info, type, selectionSetsOf(connectionItems(info, info.fieldNodes)), clockOf(ctx, info));
}

/** The selections on the other end of a list's items: `nodes { <end> {…} }` and `edges { node { <end> {…} } }`. */
function otherEndSelections(info: GraphQLResolveInfo, field: FieldNode, otherEndField: string): SelectionSetNode[] {
  return selectionSetsOf(selectedChildren(info, connectionItems(info, [field]), otherEndField));
}
