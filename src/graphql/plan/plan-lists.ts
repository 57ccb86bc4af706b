import {
  type FieldNode,
  getArgumentValues,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";
import type { NodeKind } from "../../domain/entities";
import { DomainError } from "../../domain/errors";
import type { PlannedList, PlanRoot } from "../../store/graph-store";
import type { Context } from "../context";
import { type ListField, listFieldOf } from "../list-fields";
import { pageRequest, relationshipFilter } from "../arguments";
import { type Clock, clockOf, nestedClock } from "../clock";
import type { AnyRelationshipArgs, RelationshipArgs } from "../types/args";
import { selectedColumns } from "./selected-columns";
import { selectedContents } from "./selected-parts";
import { connectionItems, fieldsOf, selectedChildren, selectionSetsOf } from "./selections";
import { groupBy } from "../../domain/grouping";

/**
 * A relationship list as the request's document asks for it, translated once: the response key
 * its resolver answers under, the filter, page and contents its arguments and selection mean, and
 * the lists selected on the nodes at the other end of its items. The resolver of the list reads its
 * page from the planned result by that key and never derives any of it again.
 */
export interface ListPlan extends PlannedList {
  readonly key: string;
  /** The clock its own arguments set for everything under it (see clock.ts); nothing when it inherits one. */
  readonly ownClock: Clock;
  readonly next: readonly ListPlan[];
}

/**
 * The relationships a list field reads: a list field of a node type (see list-fields.ts), or the
 * generic `relationships`, whose kinds its arguments name and whose other end is no one field.
 */
export type ListSpec = Pick<ListField, "direction"> & {
  readonly kinds: ListField["kinds"] | null;
  readonly otherEnd?: ListField["otherEnd"];
};

/**
 * Plans the lists selected on the nodes of one selection, one per response key (aliases and
 * fragments that graphql-js merges are one list, their contents the union of what each selects).
 * A list whose arguments are refused, or whose response key means different lists at places the
 * plan merges (`nodes { c { s: suppliers(first: 1) } }` beside `edges { node { c { s: suppliers(first: 2) } } }`),
 * is left out: its resolver then plans it itself, and reports a refusal as it always does.
 */
function planLists(
  ctx: Context,
  info: GraphQLResolveInfo,
  type: NodeKind,
  selections: readonly SelectionSetNode[],
  clock: Clock,
): ListPlan[] {
  const objectType = info.schema.getType(type) as GraphQLObjectType;
  const plans: ListPlan[] = [];
  for (const fields of byResponseKey(fieldsOf(info, objectType, selections))) {
    const spec = listFieldOf(type, fields[0]!.name.value);
    if (!spec || !sameArguments(fields)) continue;
    try {
      plans.push(planList(ctx, info, objectType, fields, spec, clock, true));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return plans;
}

/**
 * One list of the plan: its filter and page from its arguments (through the checks the resolvers
 * have always made, so a refusal throws its DomainError), its contents from its selection, and,
 * with `nested`, the lists selected under its other end.
 */
function planList(
  ctx: Context,
  info: GraphQLResolveInfo,
  objectType: GraphQLObjectType,
  fields: readonly FieldNode[],
  spec: ListSpec,
  outer: Clock,
  nested: boolean,
): ListPlan {
  const field = fields[0]!;
  const args = argumentsOf(objectType.getFields()[field.name.value]!, field, info);
  const clock = nestedClock(outer, args);
  const filter = relationshipFilter(args, spec.kinds, spec.direction, clock);
  const page = pageRequest(ctx, args);
  const key = (field.alias ?? field.name).value;
  const ownClock = { asOf: args.asOf ?? null, knownAt: args.knownAt ?? null };
  const under = nested && spec.otherEnd ? otherEndSelections(info, fields, spec.otherEnd.field) : [];
  const next = under.length > 0 ? planLists(ctx, info, spec.otherEnd!.type, under, clock) : [];
  // Read level by level with every part, the reference planned reads are held equal to.
  if (!ctx.planReads) return { key, ownClock, filter, page, next };
  // The other ends are shown by one field, with what it selects; a list without one has them whole.
  const nodeColumns = spec.otherEnd ? selectedColumns(info, spec.otherEnd.type, under) : undefined;
  return { key, ownClock, filter, page, ...selectedContents(info, fields), nodeColumns, next };
}

function argumentsOf(
  definition: GraphQLField<unknown, unknown>,
  field: FieldNode,
  info: GraphQLResolveInfo,
): RelationshipArgs & Partial<Pick<AnyRelationshipArgs, "kinds">> {
  return getArgumentValues(definition, field, info.variableValues) as unknown as RelationshipArgs;
}

/** Fields grouped as graphql-js merges them: by alias, or name when there is none. */
function byResponseKey(fields: readonly FieldNode[]): FieldNode[][] {
  return [...groupBy(fields, (field) => (field.alias ?? field.name).value).values()];
}

/** Whether every field of a group names the same field with the same arguments, as merged fields must. */
function sameArguments(fields: readonly FieldNode[]): boolean {
  // Most lists are asked for once per place; their signature, a walk of the arguments' tree, is not needed.
  if (fields.length === 1) return true;
  const [first, ...others] = fields;
  const signature = (field: FieldNode) => JSON.stringify([field.name.value, field.arguments ?? []], dropLocations);
  const expected = signature(first!);
  return others.every((field) => signature(field) === expected);
}

function dropLocations(key: string, value: unknown): unknown {
  return key === "loc" ? undefined : value;
}

/** The lists planned under the nodes a root field reads, and the columns those nodes need. */
export interface RootPlan {
  readonly lists: ListPlan[];
  readonly columns: PlanRoot["columns"];
}

/** Lists planned under the nodes a root field returns: the field's own selection (`company(id) {…}`). */
export function planUnderField(ctx: Context, info: GraphQLResolveInfo, type: NodeKind): RootPlan {
  return planRoot(ctx, info, type, selectionSetsOf(info.fieldNodes));
}

/** Lists planned under the items of a root connection: `companies { nodes {…} edges { node {…} } }`. */
export function planUnderConnection(ctx: Context, info: GraphQLResolveInfo, type: NodeKind): RootPlan {
  return planRoot(ctx, info, type, selectionSetsOf(connectionItems(info, info.fieldNodes)));
}

function planRoot(
  ctx: Context,
  info: GraphQLResolveInfo,
  type: NodeKind,
  selections: readonly SelectionSetNode[],
): RootPlan {
  const lists = planLists(ctx, info, type, selections, clockOf(ctx, info));
  return { lists, columns: ctx.planReads ? selectedColumns(info, type, selections) : undefined };
}

/**
 * The plan of the list field `info` resolves, with everything selected under it, for a list no
 * parent brought a page of (under search hits, inside reports, or not planned at the root).
 * Refused arguments throw. Reads that are not planned read one level at a time.
 */
export function planOwnList(ctx: Context, info: GraphQLResolveInfo, spec: ListSpec): ListPlan {
  return planList(ctx, info, info.parentType, info.fieldNodes, spec, clockOf(ctx, info), ctx.planReads);
}

/** The selections on the other end of a list's items: `nodes { <end> {…} }` and `edges { node { <end> {…} } }`. */
function otherEndSelections(
  info: GraphQLResolveInfo,
  fields: readonly FieldNode[],
  otherEndField: string,
): SelectionSetNode[] {
  return selectionSetsOf(selectedChildren(info, connectionItems(info, fields), otherEndField));
}
