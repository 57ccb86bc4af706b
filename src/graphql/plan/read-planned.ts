import type { GraphQLResolveInfo } from "graphql";
import type { GraphNode } from "../../domain/entities";
import type { Page, PlannedListResult, PlanRoot, RelationshipPage } from "../../store/graph-store";
import { clockOf } from "../clock";
import type { MaybePromise } from "../maybe-promise";
import type { Context } from "../context";
import { type ListPlan, type ListSpec, planOwnList } from "./plan-lists";

/**
 * Planned reads as resolvers see them. A plan is read in one store call (one statement on Neo4j)
 * and its answer handed down the answer tree the way graphql-js walks it: each node carries the
 * level of the plan it was reached at, and a list resolver takes its page from its parent's level
 * by its response key, as the plan translated it. Nothing is derived twice and no cache is looked
 * up by a key the resolver has to rebuild.
 */

/** The lists planned under the nodes of one depth of a read, and the store's answer to each, in plan order. */
export interface PlannedLevel {
  readonly lists: readonly ListPlan[];
  readonly results: readonly PlannedListResult[];
}

const LEVEL = Symbol("planned level");

/** A node as a planned read gave it at one place in the answer: with the level of the lists selected on it there. */
export type PlannedNode<N extends GraphNode = GraphNode> = N & { readonly [LEVEL]?: PlannedLevel };

/** `node` at `level` (the node itself when nothing is planned under it). */
export function atLevel<N extends GraphNode>(node: N, level: PlannedLevel | undefined): PlannedNode<N> {
  return level && level.lists.length > 0 ? { ...node, [LEVEL]: level } : node;
}

/** A list's page for one node, and the level its items' other ends are at. */
export interface PlannedPage {
  readonly page: RelationshipPage;
  readonly next: PlannedLevel;
}

function pageAt(level: PlannedLevel, index: number, nodeId: string): PlannedPage | undefined {
  const page = level.results[index]!.pages.get(nodeId);
  if (!page) return undefined;
  return { page, next: { lists: level.lists[index]!.next, results: level.results[index]!.next } };
}

/** Reads a root and the lists planned under it; the root's nodes carry their level. */
export async function readPlanned(
  ctx: Context,
  root: PlanRoot,
  lists: readonly ListPlan[],
): Promise<Page<PlannedNode>> {
  const { page, level } = await readLevel(ctx, root, lists);
  return { ...page, items: page.items.map((node) => atLevel(node, level)) };
}

async function readLevel(ctx: Context, root: PlanRoot, lists: readonly ListPlan[]) {
  const result = await ctx.store.readPlan(root, lists);
  result.root.items.forEach(ctx.loaders.primeNode);
  primeNeighbours(ctx, result.lists);
  return { page: result.root, level: { lists, results: result.lists } };
}

/** The nodes at the other ends, where the fields that show them find them without a call. */
function primeNeighbours(ctx: Context, results: readonly PlannedListResult[]): void {
  for (const result of results) {
    for (const page of result.pages.values()) page.neighbours.forEach(ctx.loaders.primeNode);
    primeNeighbours(ctx, result.next);
  }
}

/**
 * The page the list field `info` resolves for `node`: from the level its parent was read at, or,
 * where no parent brought one (search hits, nodes inside reports), from the list's own plan, read
 * once for every sibling of its level. A list whose own arguments set a clock holds it for its
 * subtree, as every field that sets one does. A page from the parent is answered at once, not as a
 * promise (see maybe-promise.ts).
 */
export function plannedPageOf(
  ctx: Context,
  node: PlannedNode,
  info: GraphQLResolveInfo,
  spec: ListSpec,
): MaybePromise<PlannedPage> {
  const level = node[LEVEL];
  const index = level ? level.lists.findIndex((list) => list.key === info.path.key) : -1;
  const fromParent = index >= 0 ? pageAt(level!, index, node.id) : undefined;
  if (!fromParent) return ownPage(ctx, node.id, info, spec);
  holdOwnClock(ctx, info, level!.lists[index]!.ownClock);
  return fromParent;
}

async function ownPage(ctx: Context, nodeId: string, info: GraphQLResolveInfo, spec: ListSpec): Promise<PlannedPage> {
  const loader = ctx.loaders.plannedLists(info.fieldNodes, () => {
    const plan = planOwnList(ctx, info, spec);
    return async (ids) => (await readLevel(ctx, { kind: "nodes", ids }, [plan])).level;
  });
  const level = await loader.load(nodeId);
  holdOwnClock(ctx, info, level.lists[0]!.ownClock);
  // A node the read did not find has no relationships, as relationshipsOf answers for it.
  return pageAt(level, 0, nodeId) ?? { page: EMPTY_PAGE, next: { lists: [], results: [] } };
}

const EMPTY_PAGE: RelationshipPage = { items: [], totalCount: 0, hasNextPage: false, neighbours: [] };

function holdOwnClock(ctx: Context, info: GraphQLResolveInfo, own: ListPlan["ownClock"]): void {
  if (own.asOf !== null || own.knownAt !== null) clockOf(ctx, info, own);
}
