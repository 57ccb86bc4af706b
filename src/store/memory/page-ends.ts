import type { GraphNode, Relationship } from "../../domain/entities";
import type { RelationshipFilter } from "../graph-store";
import { byId } from "../relationship-filter";
import type { Adjacency } from "./adjacency";
import { compareStrings } from "./node-ranking";

/**
 * The nodes at the other ends of the items `start` to `end` of `relationships`, the list node `id`
 * has for `filter`: from the list's kept ends when the index keeps them (see Adjacency.ends).
 */
export function endsOfPage(
  adjacency: Adjacency,
  id: string,
  filter: RelationshipFilter,
  relationships: readonly Relationship[],
  start: number,
  end: number,
): GraphNode[] {
  const kept = adjacency.ends(id, filter.kinds, filter.direction ?? "BOTH", relationships);
  if (kept) return kept.slice(start, end);
  return relationships.slice(start, end).map((r) => adjacency.node(r.from === id ? r.to : r.from)!);
}

/** `nodes` each once, ordered by id (a page's other ends: one node may be at the end of several items). */
export function distinctById(nodes: GraphNode[]): GraphNode[] {
  // A page holds a few relationships: sorted, each id's repeats sit together, and no Set is needed.
  const ordered = nodes.length > INSERTED_UP_TO ? nodes.sort(byId) : insertionSorted(nodes);
  return ordered.filter((node, i) => i === 0 || node.id !== ordered[i - 1]!.id);
}

/** Pages up to this long have their other ends ordered by insertionSorted. */
const INSERTED_UP_TO = 32;

/**
 * `nodes` ordered in place by id, as byId orders them. Array.prototype.sort makes a scratch copy of
 * the array on every call, and a nested read orders the ends of hundreds of small pages: those
 * copies were the most this store allocated for such a read.
 */
function insertionSorted(nodes: GraphNode[]): GraphNode[] {
  for (let i = 1; i < nodes.length; i++) {
    const node = nodes[i]!;
    let at = i;
    for (; at > 0 && compareStrings(nodes[at - 1]!.id, node.id) > 0; at--) nodes[at] = nodes[at - 1]!;
    nodes[at] = node;
  }
  return nodes;
}
