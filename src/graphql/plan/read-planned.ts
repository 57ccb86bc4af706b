import type { GraphQLResolveInfo } from "graphql";
import type { GraphNode } from "../../domain/entities";
import { type NodeRow, readsWholeNodes } from "../../domain/node-columns";
import type { Page, PlannedListResult, PlannedPage, PlanRoot } from "../../store/graph-store";
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

/** The lists planned under the nodes of one depth of a read, the store's answer to each, and those nodes as read. */
export interface PlannedLevel {
  readonly lists: readonly ListPlan[];
  /** Per list, in plan order: its pages by node, and the level of its items' other ends. */
  readonly answers: readonly ListAnswer[];
  /**
   * The nodes of this depth as the plan read them, when it read only the columns their place in the
   * request selects: they answer there and nowhere else. Nodes read whole are the request's known nodes.
   */
  readonly nodes?: PlannedEnds;
}

/**
 * The other ends of a list's pages, each page holding its own. An item's end is found in its page
 * (a few nodes, see reads.ts); only a node reached without its page (a link) asks them by id, and
 * the index for that is made on its first question: made for every read, it was thousands of
 * entries a nested read built, kept to its end and never asked.
 */
export class PlannedEnds {
  private byId: Map<string, NodeRow> | undefined;

  constructor(private readonly pages: ReadonlyMap<string, PlannedPage>) {}

  get(id: string): NodeRow | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (const page of this.pages.values()) for (const node of page.neighbours) this.byId.set(node.id, node);
    }
    return this.byId.get(id);
  }
}

/** The node with this id among a planned page's other ends (a page holds a few), typed as plannedNode types it. */
export function endInPage(page: PlannedPage, id: string): GraphNode | undefined {
  return page.neighbours.find((node) => node.id === id) as GraphNode | undefined;
}

interface ListAnswer {
  readonly pages: ReadonlyMap<string, PlannedPage>;
  readonly next: PlannedLevel;
}

const LEVEL = Symbol("planned level");

/** A node as a planned read gave it at one place in the answer: with the level of the lists selected on it there. */
export type PlannedNode<N extends GraphNode = GraphNode> = N & { readonly [LEVEL]?: PlannedLevel };

/** `node` at `level` (the node itself when nothing is planned under it). */
export function atLevel<N extends GraphNode>(node: N, level: PlannedLevel | undefined): PlannedNode<N> {
  return level && level.lists.length > 0 ? copyWith(node, LEVEL, level) : node;
}

/**
 * A copy of `item` with `value` under `key`. Not a spread: V8 copies a spread of these rows and
 * nodes through its slow path, at several times the time and garbage of Object.assign, and a nested
 * read copies every relationship and node it reaches with a level.
 */
function copyWith<T extends object, K extends symbol, V>(item: T, key: K, value: V): T & { readonly [P in K]: V } {
  const copy: Record<K, V> = Object.assign({}, item) as Record<K, V>;
  copy[key] = value;
  return copy as T & Record<K, V>;
}

/** Whether the items of a list must carry the level of their other ends: lists are planned there, or nodes read there. */
export function carriesNodes(level: PlannedLevel): boolean {
  return level.lists.length > 0 || level.nodes !== undefined;
}

/**
 * A node of `level` as its plan read it. Typed as the node itself: the plan read every column the
 * fields selected at its place show (plan/selected-columns.ts), and nothing else reaches it.
 */
export function plannedNode(level: PlannedLevel, id: string): GraphNode | undefined {
  return level.nodes?.get(id) as GraphNode | undefined;
}

/** A list's page for one node, and the level its items' other ends are at. */
export interface LevelPage {
  readonly page: PlannedPage;
  readonly next: PlannedLevel;
}

function pageAt(level: PlannedLevel, index: number, nodeId: string): LevelPage | undefined {
  const answer = level.answers[index]!;
  const page = answer.pages.get(nodeId);
  return page && { page, next: answer.next };
}

/** Reads a root and the lists planned under it; the root's nodes carry their level. */
export async function readPlanned(
  ctx: Context,
  root: PlanRoot,
  lists: readonly ListPlan[],
): Promise<Page<PlannedNode>> {
  const { page, level } = await readLevel(ctx, root, lists);
  // The root's nodes are read with the columns the root field's selection shows (see plannedNode).
  return { ...page, items: page.items.map((node) => atLevel(node as GraphNode, level)) };
}

async function readLevel(ctx: Context, root: PlanRoot, lists: readonly ListPlan[]) {
  const result = await ctx.store.readPlan(root, lists);
  if (readsWholeNodes(root.columns)) result.root.items.forEach((node) => ctx.loaders.primeNode(node as GraphNode));
  return { page: result.root, level: levelOf(ctx, lists, result.lists, undefined) };
}

/**
 * The level of `lists` and their answers, and below it each list's: the nodes at the other ends of
 * a list read whole go where any field finds them without a call, the others stay with their level.
 */
function levelOf(
  ctx: Context,
  lists: readonly ListPlan[],
  results: readonly PlannedListResult[],
  nodes: PlannedEnds | undefined,
): PlannedLevel {
  const answers = lists.map((list, i) => {
    const result = results[i]!;
    return { pages: result.pages, next: levelOf(ctx, list.next, result.next, endsOf(ctx, list, result)) };
  });
  return { lists, answers, nodes };
}

function endsOf(ctx: Context, list: ListPlan, result: PlannedListResult): PlannedEnds | undefined {
  if (readsWholeNodes(list.nodeColumns)) {
    for (const page of result.pages.values())
      for (const node of page.neighbours) ctx.loaders.primeNode(node as GraphNode);
    return undefined;
  }
  return new PlannedEnds(result.pages);
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
): MaybePromise<LevelPage> {
  const level = node[LEVEL];
  const index = level ? level.lists.findIndex((list) => list.key === info.path.key) : -1;
  const fromParent = index >= 0 ? pageAt(level!, index, node.id) : undefined;
  if (!fromParent) return ownPage(ctx, node.id, info, spec);
  holdOwnClock(ctx, info, level!.lists[index]!.ownClock);
  return fromParent;
}

async function ownPage(ctx: Context, nodeId: string, info: GraphQLResolveInfo, spec: ListSpec): Promise<LevelPage> {
  const loader = ctx.loaders.plannedLists(info.fieldNodes, () => {
    const plan = planOwnList(ctx, info, spec);
    return async (ids) => (await readLevel(ctx, { kind: "nodes", ids }, [plan])).level;
  });
  const level = await loader.load(nodeId);
  holdOwnClock(ctx, info, level.lists[0]!.ownClock);
  // A node the read did not find has no relationships, as relationshipsOf answers for it.
  return pageAt(level, 0, nodeId) ?? { page: EMPTY_PAGE, next: { lists: [], answers: [] } };
}

const EMPTY_PAGE: PlannedPage = { items: [], totalCount: 0, hasNextPage: false, neighbours: [] };

function holdOwnClock(ctx: Context, info: GraphQLResolveInfo, own: ListPlan["ownClock"]): void {
  if (own.asOf !== null || own.knownAt !== null) clockOf(ctx, info, own);
}
