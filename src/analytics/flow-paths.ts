import type { Relationship } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import { rankValue } from "../domain/interval";
import { isPeriodic, type Money, minMoney } from "../domain/money";
import type { GraphStore } from "../store/graph-store";
import { requireNodes } from "./nodes";
import { boundedInt, PATH_DEPTH, PATH_FIRST } from "../domain/bounds";
import { checkDate } from "../domain/dates";
import { MONEY_AGAINST_ARROW, MONEY_WITH_ARROW, payeeOf } from "../domain/money-flow";
import { inForce } from "../domain/validity";
import { FANOUT_CAP, FRONTIER_CAP, PATH_CAP } from "./paths/caps";
import { LevelReader } from "./paths/level-reader";
import { hopOf, type PathHop, pathId } from "./paths/path-hop";

export interface FlowPathsInput {
  readonly fromId: string;
  readonly toId: string;
  readonly maxDepth?: number;
  readonly first?: number;
  readonly asOf?: string | null;
}

export interface FlowPath {
  readonly id: string;
  readonly nodeIds: readonly string[];
  readonly hops: readonly PathHop[];
  /** The smallest hop amount, per month when the amounts are rates; null when it cannot be known. */
  readonly bottleneck: Money | null;
  /** Why there is no bottleneck, when there is none. */
  readonly bottleneckNote: string | null;
  /** Product of the hop confidences. */
  readonly confidence: number;
  readonly evidenceIds: readonly string[];
}

export interface FlowPathReport {
  readonly fromId: string;
  readonly toId: string;
  readonly asOf: string | null;
  readonly maxDepth: number;
  readonly paths: readonly FlowPath[];
  readonly totalCount: number;
  readonly truncated: boolean;
}

interface Walk {
  readonly nodes: readonly string[];
  readonly rels: readonly Relationship[];
}

export interface FlowPathsOptions {
  /** Let a store that can search paths itself do so (default true); false always walks the port. */
  readonly pushdown?: boolean;
}

/**
 * A store search that looked at no more walks than this cannot have hit the frontier or path caps
 * of the level-by-level walk (each level holds at most that many ends, and prefixes plus paths stay
 * below PATH_CAP), so its answer is exactly the walk's.
 */
const PUSHDOWN_WALK_LIMIT = Math.min(FRONTIER_CAP, PATH_CAP);

/** Simple paths along which money flows from one company to another, shortest first. */
export async function flowPaths(
  store: GraphStore,
  input: FlowPathsInput,
  options: FlowPathsOptions = {},
): Promise<FlowPathReport> {
  const maxDepth = boundedInt("maxDepth", input.maxDepth, PATH_DEPTH);
  const first = boundedInt("first", input.first, PATH_FIRST);
  const asOf = checkDate("asOf", input.asOf);
  const { fromId, toId } = input;
  if (fromId === toId) throw new BadInputError("from and to must be different companies");
  await requireNodes(store, [fromId, toId], null);

  const pushed = options.pushdown !== false ? await searchInStore(store, fromId, toId, maxDepth, asOf) : null;
  const { found, truncated } = pushed ?? (await walkLevels(store, fromId, toId, maxDepth, asOf));
  const paths = found.map(toFlowPath);
  paths.sort(
    (a, b) =>
      a.hops.length - b.hops.length ||
      (b.bottleneck ? rankValue(b.bottleneck) : -1) - (a.bottleneck ? rankValue(a.bottleneck) : -1) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { fromId, toId, asOf, maxDepth, paths: paths.slice(0, first), totalCount: paths.length, truncated };
}

/**
 * The store's own search, when it has one and its answer is complete: one query for the candidate
 * paths and one for their relationships, instead of two calls per level carrying every
 * relationship of the frontier. Null means "walk instead".
 */
async function searchInStore(
  store: GraphStore,
  fromId: string,
  toId: string,
  maxDepth: number,
  asOf: string | null,
): Promise<{ found: Walk[]; truncated: boolean } | null> {
  if (!store.findMoneyPaths) return null;
  const search = await store.findMoneyPaths({
    fromId,
    toId,
    maxDepth,
    asOf,
    limit: PUSHDOWN_WALK_LIMIT,
    fanoutCap: FANOUT_CAP,
  });
  if (!search.complete) return null;
  const ids = [...new Set(search.paths.flat())];
  const rels = new Map<string, Relationship>();
  (await store.relationshipsByIds(ids)).forEach((r) => r && rels.set(r.id, r));
  const found: Walk[] = [];
  for (const path of search.paths) {
    const nodes = [fromId];
    const walked: Relationship[] = [];
    for (const id of path) {
      const r = rels.get(id);
      const to = r ? payeeOf(r, nodes.at(-1)!) : null;
      // Changed between the two reads: the walk gives a consistent answer.
      if (!r || to === null || nodes.includes(to) || !inForce(r, asOf)) return null;
      nodes.push(to);
      walked.push(r);
    }
    if (nodes.at(-1) !== toId || walked.length === 0 || walked.length > maxDepth) return null;
    found.push({ nodes, rels: walked });
  }
  return { found, truncated: false };
}

async function walkLevels(
  store: GraphStore,
  fromId: string,
  toId: string,
  maxDepth: number,
  asOf: string | null,
): Promise<{ found: Walk[]; truncated: boolean }> {
  const reader = new LevelReader(store, { OUT: MONEY_WITH_ARROW, IN: MONEY_AGAINST_ARROW });
  const found: Walk[] = [];
  let frontier: Walk[] = [{ nodes: [fromId], rels: [] }];
  let capped = false;

  // One level per hop: every node at the end of a partial path is read in the same two calls.
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const ends = [...new Set(frontier.map((p) => p.nodes.at(-1)!))];
    await reader.read(ends, "OUT");
    await reader.read(ends, "IN");
    const next: Walk[] = [];
    for (const p of frontier) {
      const here = p.nodes.at(-1)!;
      const out = [
        ...MONEY_WITH_ARROW.flatMap((kind) => reader.edges(here, "OUT", kind)),
        ...MONEY_AGAINST_ARROW.flatMap((kind) => reader.edges(here, "IN", kind)),
      ];
      for (const r of out) {
        const to = payeeOf(r, here);
        if (to === null || p.nodes.includes(to) || !inForce(r, asOf)) continue;
        const extended = { nodes: [...p.nodes, to], rels: [...p.rels, r] };
        if (to === toId) found.push(extended);
        else if (depth < maxDepth) {
          if (next.length + found.length >= PATH_CAP) {
            capped = true;
            continue;
          }
          next.push(extended);
        }
      }
    }
    frontier = next;
  }
  return { found, truncated: reader.truncated || capped };
}

function toFlowPath(p: Walk): FlowPath {
  const hops = p.rels.map((r, i) => hopOf(r, p.nodes[i]!));
  return {
    id: pathId(
      "flow",
      p.rels.map((r) => r.id),
    ),
    nodeIds: p.nodes,
    hops,
    ...bottleneckOf(p.rels),
    confidence: hops.reduce((acc, h) => acc * h.confidence, 1),
    evidenceIds: [...new Set(hops.flatMap((h) => h.evidenceIds))],
  };
}

function bottleneckOf(rels: readonly Relationship[]): { bottleneck: Money | null; bottleneckNote: string | null } {
  const missing = rels.filter((r) => r.amount === null);
  if (missing.length > 0)
    return { bottleneck: null, bottleneckNote: `no amount is known for ${missing.map((r) => r.id).join(", ")}` };
  const amounts = rels.map((r) => r.amount!);
  if (new Set(amounts.map((a) => a.currency)).size > 1)
    return { bottleneck: null, bottleneckNote: "the amounts are in different currencies" };
  const periodic = amounts.filter(isPeriodic);
  if (periodic.length === amounts.length) return { bottleneck: minMoney(amounts, "MONTH"), bottleneckNote: null };
  if (periodic.length === 0) return { bottleneck: minMoney(amounts, "TOTAL"), bottleneckNote: null };
  return {
    bottleneck: null,
    bottleneckNote: "one-off or cumulative amounts cannot be compared with amounts per period",
  };
}
