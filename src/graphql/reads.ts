import type { GraphQLResolveInfo } from "graphql";
import { groupChains, parentFilter, type ReadRelationships } from "../analytics/groups";
import type { Company, Evidence, GraphNode, NodeKind } from "../domain/entities";
import type { RelationshipRow } from "../domain/relationship-parts";
import { BadInputError } from "../domain/errors";
import type { GroupChain } from "../domain/groups";
import type { CompanyFilter, Page, PageRequest, PlannedPage } from "../store/graph-store";
import { requireId } from "./arguments";
import type { Context } from "./context";
import { type ListSpec, planUnderConnection, planUnderField, type RootPlan } from "./plan/plan-lists";
import {
  atLevel,
  carriesNodes,
  endInPage,
  type PlannedLevel,
  type PlannedNode,
  plannedNode,
  plannedPageOf,
  readPlanned,
} from "./plan/read-planned";
import type { PageArgs } from "./types/args";
import { type Clock, type ClockArgs, clockOf } from "./clock";
import { type Connection, toConnection } from "./types/connection.type";
import { type MaybePromise, thenOrNow } from "./maybe-promise";

/**
 * The read paths resolvers delegate to: loader calls, planned reads and the mapping of store pages
 * to connections, written once so each resolver stays a single call.
 */

/**
 * A node by id for a root field. With the field's resolve info, the lists selected under it are
 * read with the node in one store call (see plan/), and the node carries their pages.
 */
export async function nodeOfKind<K extends NodeKind>(ctx: Context, kind: K, id: string, info?: GraphQLResolveInfo) {
  requireId(id);
  const { lists, columns } = info && ctx.planReads ? planUnderField(ctx, info, kind) : NOTHING_PLANNED;
  const node =
    lists.length > 0
      ? ((await readPlanned(ctx, { kind: "nodes", ids: [id], columns }, lists)).items[0] ?? null)
      : await ctx.loaders.node.load(id);
  return node && node.nodeKind === kind ? (node as PlannedNode<Extract<GraphNode, { nodeKind: K }>>) : null;
}

/** A page of companies for the root `companies` field, with the lists selected under them read alongside. */
export async function companiesPage(
  ctx: Context,
  info: GraphQLResolveInfo,
  filter: CompanyFilter,
  page: PageRequest,
): Promise<Page<Company>> {
  const { lists, columns } = ctx.planReads ? planUnderConnection(ctx, info, "Company") : NOTHING_PLANNED;
  if (lists.length === 0) return ctx.store.listCompanies(filter, page);
  return (await readPlanned(ctx, { kind: "companies", filter, page, columns }, lists)) as Page<Company>;
}

const NOTHING_PLANNED: RootPlan = { lists: [], columns: undefined };

/**
 * A list field as its resolver reads it: which relationships (the list field's, or for the generic
 * list the kinds its arguments name), under which resolve info. The filter, page and contents are
 * the plan's (see plan/plan-lists.ts), never derived again here.
 */
export interface ListRead {
  readonly spec: ListSpec;
  readonly info: GraphQLResolveInfo;
}

/**
 * The field of a list's items that holds the other end, with the level it was planned at: the
 * resolver of that field hands the level on to the node, and only that field (a BuyRelationship
 * shows both ends; the planned one is the one named here).
 */
interface PlannedEnd {
  readonly field: string;
  readonly level: PlannedLevel;
}

type ResponsePath = GraphQLResolveInfo["path"];

/**
 * The items of planned lists whose other ends were read with them, by the response path of the list
 * field that answered them. A field of an item resolves at a path below its list's
 * (`…customers.nodes.3.customer`, or `…customers.edges.3.node.customer`), and graphql-js makes each
 * path an object of its own for the request, which goes with it: the end is found from there,
 * rather than carried by a copy of every item.
 */
const plannedItems = new WeakMap<ResponsePath, PlannedItems>();

/** A planned list's page, and the end its items' other ends were read at. */
interface PlannedItems {
  readonly page: PlannedPage;
  readonly end: PlannedEnd;
}

export function relationshipsOf(
  ctx: Context,
  node: PlannedNode,
  read: ListRead,
): MaybePromise<Connection<RelationshipRow>> {
  return thenOrNow(plannedPageOf(ctx, node, read.info, read.spec), ({ page, next }) => {
    const otherEnd = read.spec.otherEnd;
    if (otherEnd && carriesNodes(next))
      plannedItems.set(read.info.path, { page, end: { field: otherEnd.field, level: next } });
    return toConnection(page);
  });
}

/**
 * The end planned for `relationship` where the field at `path` shows it, with the page it came in:
 * found under the list whose item it is, at its index there (so an item reached any other way has none).
 */
function plannedEndOf(relationship: RelationshipRow, path: ResponsePath): PlannedItems | undefined {
  // The item is one step up (nodes), or two (edges, through the edge's `node`).
  for (let item = path.prev, steps = 0; item && steps < 2; item = item.prev, steps++) {
    if (typeof item.key !== "number") continue;
    const list = item.prev?.prev;
    const planned = list && plannedItems.get(list);
    return planned?.page.items[item.key] === relationship ? planned : undefined;
  }
  return undefined;
}
/** A relationship seen from `selfId`: the edge, the id of the node at its other end, and the level that node was read at. */
export interface Link {
  readonly id: string;
  readonly relationship: RelationshipRow;
  readonly otherId: string;
  readonly level?: PlannedLevel;
}

export function linksOf(ctx: Context, self: PlannedNode, read: ListRead): MaybePromise<Connection<Link>> {
  return thenOrNow(plannedPageOf(ctx, self, read.info, read.spec), ({ page, next }) => {
    const level = carriesNodes(next) ? next : undefined;
    return toConnection({
      ...page,
      items: page.items.map((r) => ({ id: r.id, relationship: r, otherId: r.from === self.id ? r.to : r.from, level })),
    });
  });
}

/** The node at an end of a relationship of a planned page, at the level it was read at when `field` is its planned end. */
export function endOf(
  ctx: Context,
  relationship: RelationshipRow,
  field: string,
  id: string,
  info: GraphQLResolveInfo,
) {
  const planned = plannedEndOf(relationship, info.path);
  if (planned?.end.field !== field) return nodeAt(ctx, id, undefined);
  // Its page brought it, as the plan read it: found among the page's few ends, not by id in the level's.
  const inPage = endInPage(planned.page, id);
  return inPage ? atLevel(inPage, planned.end.level) : nodeAt(ctx, id, planned.end.level);
}

/**
 * The node with this id as the plan of `level` read it (with the columns its place selects), else
 * through the request's loader; at `level` when it was read at one.
 */
export function nodeAt(
  ctx: Context,
  id: string,
  level: PlannedLevel | undefined,
): PlannedNode | Promise<PlannedNode | null> {
  const planned = level && plannedNode(level, id);
  if (planned) return atLevel(planned, level);
  const known = ctx.loaders.knownNode(id);
  if (known) return atLevel(known, level);
  return ctx.loaders.node.load(id).then((node) => node && atLevel(node, level));
}

/** The values with these ids that exist, in order; a failed load fails the field rather than dropping its value. */
export async function loadPresent<T>(
  loader: { loadMany(ids: readonly string[]): Promise<(T | null | Error)[]> },
  ids: readonly string[],
): Promise<T[]> {
  return loadedOrThrow(await loader.loadMany(ids)).filter((v): v is T => v !== null);
}

/**
 * loadMany answers a failed load as an Error in the list; passed on as an absent value it would
 * make a store outage look like missing data (a null parent, a shorter list). The first one fails
 * the field, so the answer carries the failure's code instead.
 */
export function loadedOrThrow<T>(values: readonly (T | Error)[]): T[] {
  const failure = values.find((value): value is Error => value instanceof Error);
  if (failure) throw failure;
  return values as T[];
}

/** The node with this id through the request's loader; null for a null id. */
export function nodeById(ctx: Context, id: string | null): GraphNode | Promise<GraphNode | null> | null {
  return id === null ? null : (ctx.loaders.knownNode(id) ?? ctx.loaders.node.load(id));
}

/** The nodes with these ids that exist, in order. */
export function nodesByIds(ctx: Context, ids: readonly string[]): Promise<GraphNode[]> {
  return loadPresent(ctx.loaders.node, ids);
}

/** The evidence with these ids that exists, in order. */
export function evidenceByIds(ctx: Context, ids: readonly string[]): Promise<Evidence[]> {
  return loadPresent(ctx.loaders.evidence, ids);
}

/** The parent rule's reads at `clock`, through the request's loaders (one batch per level of a query). */
function parentsThroughLoaders(ctx: Context, clock: Clock): ReadRelationships {
  const loader = ctx.loaders.relationshipsOf({ ...parentFilter(clock.asOf), knownAt: clock.knownAt }, {});
  return async (ids) => loadedOrThrow(await loader.loadMany(ids)).map((page) => page.items);
}

async function groupChainOf(ctx: Context, companyId: string, clock: Clock): Promise<GroupChain> {
  const chains = await groupChains(parentsThroughLoaders(ctx, clock), [companyId], clock.asOf);
  return chains.get(companyId)!;
}

/** The parent company at `clock` (see the parent rule in domain/groups.ts). */
export async function parentOf(ctx: Context, companyId: string, clock: Clock): Promise<GraphNode | null> {
  const { ids } = await groupChainOf(ctx, companyId, clock);
  return ids.length > 1 ? ctx.loaders.node.load(ids[1]!) : null;
}

/** The top of the company's group at `clock`; a company without a parent is its own top. */
export async function ultimateParentOf(ctx: Context, companyId: string, clock: Clock): Promise<GraphNode | null> {
  const { ids } = await groupChainOf(ctx, companyId, clock);
  return ctx.loaders.node.load(ids.at(-1)!);
}

/** A relationship by id as known at the clock of the field that asks (see clock.ts). */
export function relationshipAt(ctx: Context, info: GraphQLResolveInfo, id: string, own: ClockArgs = {}) {
  return ctx.loaders.relationshipAt(clockOf(ctx, info, own).knownAt).load(id);
}

/** The relationships with these ids that exist at the asking field's record time, in order. */
export function relationshipsAt(ctx: Context, info: GraphQLResolveInfo, ids: readonly string[]) {
  return loadPresent(ctx.loaders.relationshipAt(clockOf(ctx, info).knownAt), ids);
}

const SEARCH_CEILING = 500;

export async function searchPage(ctx: Context, text: string, kinds: readonly NodeKind[], args: PageArgs) {
  if (text.trim().length === 0) throw new BadInputError("search text must not be empty");
  if (text.length > 200) throw new BadInputError("search text must be at most 200 characters");
  const max = ctx.limits.maxPageSize;
  if (args.first < 1 || args.first > max)
    throw new BadInputError(`first must be between 1 and ${max} (got ${args.first})`);
  const offset = decodeOffset(args.after);
  // Ranked results are fetched up to the ceiling once and sliced, so totalCount is exact below it.
  const hits = await ctx.store.search(text, kinds, SEARCH_CEILING);
  const pageHits = hits.slice(offset, offset + args.first);
  const end = offset + pageHits.length;
  return {
    nodes: pageHits,
    hits: pageHits,
    totalCount: hits.length,
    pageInfo: { hasNextPage: hits.length > end, endCursor: pageHits.length > 0 ? encodeOffset(end) : null },
  };
}

// Search is ranked, not ordered by id, so its cursors are positions.
function encodeOffset(n: number): string {
  return Buffer.from(`s1:${n}`).toString("base64url");
}

function decodeOffset(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const m = /^s1:(\d{1,6})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw new BadInputError("'after' is not a search cursor this API issued");
  return Number(m[1]);
}
