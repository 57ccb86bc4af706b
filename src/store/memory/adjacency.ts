import {
  type GraphNode,
  RELATIONSHIP_KINDS,
  type Relationship,
  type RelationshipKind,
  SYMMETRIC_KINDS,
} from "../../domain/entities";
import type { Direction } from "../graph-store";
import { byId } from "../relationship-filter";
import { KeptLists } from "./kept-lists";

type ByKind = Map<RelationshipKind, Relationship[]>;

const NONE: readonly Relationship[] = [];

/** Lists at least this long have what a filter keeps of them kept (see narrowed). */
const NARROWED_FROM = 1_000;
/** How many such filtered lists are kept at once: the few hubs a server reads again and again. */
const NARROWED_KEPT = 64;

/**
 * Every node's relationships, split by end (out: the node is `from`) and kind, each list ordered by
 * id. A read asks for one node's relationships of a few kinds in one direction; walking every edge of
 * a hub and sorting them on each call was a sixth of a nested read's time. The nodes themselves are
 * held by id as well: a nested read looks up every node at the end of a page, and the graph's own
 * lookup cost a twentieth of its time.
 */
export class Adjacency {
  private readonly out = new Map<string, ByKind>();
  private readonly in = new Map<string, ByKind>();
  private readonly nodes: ReadonlyMap<string, GraphNode>;
  private readonly narrowedLists = new KeptLists<readonly Relationship[]>(NARROWED_KEPT);
  /** Per kept list, the nodes at its items' other ends (see ends). */
  private readonly endsOfLists = new WeakMap<readonly Relationship[], readonly GraphNode[]>();

  constructor(relationships: Iterable<Relationship>, nodes: ReadonlyMap<string, GraphNode>) {
    this.nodes = nodes;
    for (const r of relationships) {
      listOf(this.out, r.from, r.kind).push(r);
      listOf(this.in, r.to, r.kind).push(r);
    }
    for (const side of [this.out, this.in])
      for (const byKind of side.values()) for (const list of byKind.values()) list.sort(byId);
  }

  /**
   * What `keep` keeps of `list`, in order, for the read `key` names (the node and the filter). A
   * hub's long list is filtered once per filter and kept while this index lives, as a write makes a
   * new index: a risk report reads a supplier's thousands of purchases in force on every request.
   */
  narrowed(
    key: string,
    list: readonly Relationship[],
    keep: (relationship: Relationship) => boolean,
  ): readonly Relationship[] {
    if (list.length < NARROWED_FROM) return list.filter(keep);
    return this.narrowedLists.get(key, () => list.filter(keep));
  }

  /** The node with this id, if there is one. */
  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  /**
   * The nodes at the other ends of the items of `list`, the list `of` keeps for a list field's read
   * (one kind, one end) of node `nodeId`, in the list's order. A nested read looks up the other end
   * of every item of every page, thousands of lookups in a map of every node that were the largest
   * part of this store's time in such a read; a kept list's ends are looked up once. Undefined for
   * any other list (several kinds or both ends, or filtered): those are made on each call.
   */
  ends(
    nodeId: string,
    kinds: readonly RelationshipKind[] | undefined,
    direction: Direction,
    list: readonly Relationship[],
  ): readonly GraphNode[] | undefined {
    // A kept list is one node's (the empty one has no ends): once its ends are known, they are its.
    const known = this.endsOfLists.get(list);
    if (known) return known;
    if (!keptAsIs(kinds, direction) || list !== this.of(nodeId, kinds, direction)) return undefined;
    const ends = list.map((r) => this.nodes.get(r.from === nodeId ? r.to : r.from)!);
    this.endsOfLists.set(list, ends);
    return ends;
  }

  /**
   * The node's relationships of `kinds` (all when empty) seen from `direction`, ordered by id.
   * Symmetric kinds belong to both ends, so direction does not narrow them.
   */
  of(
    nodeId: string,
    kinds: readonly RelationshipKind[] | undefined,
    direction: Direction = "BOTH",
  ): readonly Relationship[] {
    // A list field's read: one kind, one end, one list as it is kept.
    if (keptAsIs(kinds, direction)) {
      return (direction === "OUT" ? this.out : this.in).get(nodeId)?.get(kinds[0]) ?? NONE;
    }
    const lists: (readonly Relationship[])[] = [];
    const named = !kinds || kinds.length === 0 ? RELATIONSHIP_KINDS : new Set(kinds);
    for (const kind of named) {
      const both = direction === "BOTH" || SYMMETRIC_KINDS.has(kind);
      if (both || direction === "OUT") lists.push(this.out.get(nodeId)?.get(kind) ?? []);
      if (both || direction === "IN") lists.push(this.in.get(nodeId)?.get(kind) ?? []);
    }
    const nonEmpty = lists.filter((list) => list.length > 0);
    if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
    // A relationship from a node to itself is refused at load, so no list repeats another's items.
    return nonEmpty.flat().sort(byId);
  }
}

/** Whether a read of `kinds` from `direction` is one list as the index keeps it: one kind, one end, not symmetric. */
function keptAsIs(
  kinds: readonly RelationshipKind[] | undefined,
  direction: Direction,
): kinds is readonly [RelationshipKind] {
  return kinds?.length === 1 && direction !== "BOTH" && !SYMMETRIC_KINDS.has(kinds[0]!);
}

function listOf(side: Map<string, ByKind>, nodeId: string, kind: RelationshipKind): Relationship[] {
  let byKind = side.get(nodeId);
  if (!byKind) side.set(nodeId, (byKind = new Map()));
  let list = byKind.get(kind);
  if (!list) byKind.set(kind, (list = []));
  return list;
}
