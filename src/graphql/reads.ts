import type { Evidence, GraphNode, NodeKind, Relationship, RelationshipKind } from "../domain/entities";
import { isSlug } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import type { Direction, PageRequest, RelationshipFilter } from "../store/graph-store";
import type { Context } from "./context";
import { groupChains, parentFilter, type ReadRelationships } from "../analytics/groups";
import type { GroupChain } from "../domain/groups";
import type { AnyRelationshipArgs, PageArgs, RelationshipArgs } from "./types/args";
import { type Connection, toConnection } from "./types/connection.type";
import { decodeCursor } from "./types/cursor";

/**
 * The read paths resolvers delegate to: argument checks, loader calls and the mapping of store
 * pages to connections, written once so each resolver stays a single call.
 */

export function requireId(id: string, what = "id"): string {
  if (!isSlug(id)) {
    throw new BadInputError(
      `${what} ${JSON.stringify(id.slice(0, 120))} is not a valid id: ids are lowercase slugs such as "microsoft" or "azure-openai"`,
    );
  }
  return id;
}

export function pageRequest(ctx: Context, args: PageArgs): PageRequest {
  const max = ctx.limits.maxPageSize;
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > max) {
    throw new BadInputError(`first must be between 1 and ${max} (got ${args.first})`, { argument: "first", max });
  }
  return { first: args.first, after: decodeCursor(args.after) };
}

export function relationshipFilter(
  args: RelationshipArgs & Partial<Pick<AnyRelationshipArgs, "kinds">>,
  kinds: readonly RelationshipKind[] | null,
  direction: Direction,
): RelationshipFilter {
  args.product?.forEach((p) => requireId(p, "product"));
  return {
    kinds: kinds ?? args.kinds ?? [],
    direction,
    productIds: args.product ?? [],
    statuses: args.status ?? [],
    asOf: args.asOf ?? null,
  };
}

export async function nodeOfKind<K extends NodeKind>(ctx: Context, kind: K, id: string) {
  const node = await ctx.loaders.node.load(requireId(id));
  return node && node.nodeKind === kind ? (node as Extract<GraphNode, { nodeKind: K }>) : null;
}

export async function relationshipsOf(
  ctx: Context,
  nodeId: string,
  filter: RelationshipFilter,
  args: PageArgs,
): Promise<Connection<Relationship>> {
  return toConnection(await ctx.loaders.relationshipsOf(filter, pageRequest(ctx, args)).load(nodeId));
}

/** A relationship seen from `selfId`: the edge and the id of the node at its other end. */
export interface Link {
  readonly id: string;
  readonly relationship: Relationship;
  readonly otherId: string;
}

export async function linksOf(
  ctx: Context,
  selfId: string,
  filter: RelationshipFilter,
  args: PageArgs,
): Promise<Connection<Link>> {
  const page = await ctx.loaders.relationshipsOf(filter, pageRequest(ctx, args)).load(selfId);
  return toConnection({
    ...page,
    items: page.items.map((r) => ({ id: r.id, relationship: r, otherId: r.from === selfId ? r.to : r.from })),
  });
}

export async function loadPresent<T>(
  loader: { loadMany(ids: readonly string[]): Promise<(T | null | Error)[]> },
  ids: readonly string[],
): Promise<T[]> {
  const values = await loader.loadMany(ids);
  return values.filter((v): v is T => v !== null && !(v instanceof Error));
}

/** The node with this id through the request's loader; null for a null id. */
export function nodeById(ctx: Context, id: string | null): Promise<GraphNode | null> | null {
  return id === null ? null : ctx.loaders.node.load(id);
}

/** The nodes with these ids that exist, in order. */
export function nodesByIds(ctx: Context, ids: readonly string[]): Promise<GraphNode[]> {
  return loadPresent(ctx.loaders.node, ids);
}

/** The evidence with these ids that exists, in order. */
export function evidenceByIds(ctx: Context, ids: readonly string[]): Promise<Evidence[]> {
  return loadPresent(ctx.loaders.evidence, ids);
}

/** The parent rule's reads, through the request's loaders (one batch per level of a query). */
function parentsThroughLoaders(ctx: Context, asOf: string | null): ReadRelationships {
  const loader = ctx.loaders.relationshipsOf(parentFilter(asOf), {});
  return async (ids) => (await loader.loadMany(ids)).map((page) => (page instanceof Error ? [] : page.items));
}

async function groupChainOf(ctx: Context, companyId: string, asOf: string | null): Promise<GroupChain> {
  const chains = await groupChains(parentsThroughLoaders(ctx, asOf), [companyId], asOf);
  return chains.get(companyId)!;
}

/** The parent company on `asOf` (see the parent rule in domain/groups.ts). */
export async function parentOf(ctx: Context, companyId: string, asOf: string | null): Promise<GraphNode | null> {
  const { ids } = await groupChainOf(ctx, companyId, asOf);
  return ids.length > 1 ? ctx.loaders.node.load(ids[1]!) : null;
}

/** The top of the company's group on `asOf`; a company without a parent is its own top. */
export async function ultimateParentOf(
  ctx: Context,
  companyId: string,
  asOf: string | null,
): Promise<GraphNode | null> {
  const { ids } = await groupChainOf(ctx, companyId, asOf);
  return ctx.loaders.node.load(ids.at(-1)!);
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
