import type { Relationship, RelationshipKind } from "../../domain/entities";
import type {
  Direction,
  GraphStore,
  RelationshipFilter,
  RelationshipPage,
  RelationshipRead,
} from "../../store/graph-store";
import { FANOUT_CAP, FRONTIER_CAP, RANKED_READ_CAP } from "./caps";
import { groupBy } from "../../domain/grouping";
import type { PartsNamed, RelationshipPart, RelationshipRow } from "../../domain/relationship-parts";

type Side = "IN" | "OUT";
/** One node's relationships read in one direction, by kind, each kind in the order read. */
type ByKind = ReadonlyMap<RelationshipKind, readonly Relationship[]>;
const SIDES: readonly Side[] = ["OUT", "IN"];

/** The nodes one level of a search reads, per direction, as the reader took them (each once, within the caps). */
export type LevelRead = Record<Side, string[]>;

export interface SearchOptions {
  /**
   * Let the store answer each level of a search in one call, both directions together (default
   * true); false reads each direction on its own through relationshipsOf, the walk every store
   * answers alike and the reference the pushed-down reads are checked against.
   */
  readonly pushdown?: boolean;
}

/**
 * One filtered read of readRanked: kinds and narrowing filters (the direction is the read's), and
 * the parts its caller reads of each relationship (every part when undefined).
 */
export interface RankedRead<P extends RelationshipPart = RelationshipPart> {
  readonly filter: Omit<RelationshipFilter, "direction">;
  readonly parts?: readonly P[];
}

/** What readRanked gives for `Reads`: per read, in order, its relationships as rows of the parts it asked for. */
export type RankedRows<Reads extends readonly RankedRead[]> = {
  -readonly [I in keyof Reads]: readonly RelationshipRow<PartsNamed<Reads[I]["parts"]>>[];
};

/** A node whose relationships in one direction were read only in part: the first `read` of `total`, by id. */
export interface PartialRead {
  readonly nodeId: string;
  readonly direction: Side;
  readonly read: number;
  readonly total: number;
}

/**
 * Reads relationships level by level: each `read` is one store call for every node of the level,
 * with at most FANOUT_CAP relationships per node. Each node is read once per direction. What a cap
 * left out is kept, so that a report can say it.
 */
export class LevelReader {
  private readonly cache = new Map<Direction, Map<string, ByKind>>();
  /** Nodes whose relationships were read only in part, in the order they were read. */
  readonly partialReads: PartialRead[] = [];
  /** Nodes a level did not read because it held more than FRONTIER_CAP. */
  frontierLeftOut = 0;

  constructor(
    private readonly store: GraphStore,
    private readonly kinds: Record<Side, readonly RelationshipKind[]>,
    private readonly options: SearchOptions = {},
  ) {}

  /** A cap was hit: some relationships were not read. */
  get truncated(): boolean {
    return this.partialReads.length > 0 || this.frontierLeftOut > 0;
  }

  async read(ids: Iterable<string>, direction: Side): Promise<string[]> {
    const todo = this.take(ids, direction);
    if (todo.length === 0) return [];
    const read = this.readOf(todo, direction);
    const pages = await this.store.relationshipsOf(read.nodeIds, read.filter, read.page);
    todo.forEach((id, i) => this.keep(id, direction, pages[i]!));
    return todo;
  }

  /**
   * One level of a search: `outward` nodes read OUT and `inward` nodes read IN, in one store call
   * (relationshipsOfEach) unless the options ask for the walk, which reads each direction on its
   * own. Either way each node is read once per direction, with the same caps, so the answers match.
   */
  async readLevel(outward: Iterable<string>, inward: Iterable<string>): Promise<LevelRead> {
    const todo: LevelRead = { OUT: this.take(outward, "OUT"), IN: this.take(inward, "IN") };
    const sides = SIDES.filter((side) => todo[side].length > 0);
    const reads = sides.map((side) => this.readOf(todo[side], side));
    const pages = this.options.pushdown === false ? await readEach(this.store, reads) : await this.readTogether(reads);
    sides.forEach((side, i) => todo[side].forEach((id, j) => this.keep(id, side, pages[i]![j]!)));
    return todo;
  }

  private async readTogether(reads: readonly RelationshipRead[]): Promise<RelationshipPage[][]> {
    return reads.length > 0 ? this.store.relationshipsOfEach(reads) : [];
  }

  /** The ids not read yet in `direction`, each once, at most FRONTIER_CAP of them (the rest counted). */
  private take(ids: Iterable<string>, direction: Side): string[] {
    const seen = this.seenIn(direction);
    const todo = [...new Set(ids)].filter((id) => !seen.has(id));
    if (todo.length <= FRONTIER_CAP) return todo;
    this.frontierLeftOut += todo.length - FRONTIER_CAP;
    return todo.slice(0, FRONTIER_CAP);
  }

  /** Validity is checked per use (a former supplier matters precisely because it has ended). */
  private readOf(nodeIds: readonly string[], direction: Side): RelationshipRead {
    const filter = { kinds: this.kinds[direction], direction };
    return { nodeIds, filter, page: { first: FANOUT_CAP } };
  }

  /**
   * Reads one node's relationships far beyond the fan-out cap (up to RANKED_READ_CAP each), for a
   * caller that ranks them all before following any: one read per filter (each of its own kinds),
   * all in one store call unless the options ask for the walk. At a hub they are thousands, so each
   * read asks for just the parts its caller reads. The rows are the caller's: `edges` does not give
   * them, and the node stays unread for the levels.
   */
  async readRanked<const Reads extends readonly RankedRead[]>(
    id: string,
    direction: Side,
    reads: Reads,
  ): Promise<RankedRows<Reads>> {
    const asked = reads.map(({ filter, parts }): RelationshipRead => ({
      nodeIds: [id],
      filter: { ...filter, direction },
      page: { first: RANKED_READ_CAP },
      options: { parts },
    }));
    const pages = this.options.pushdown === false ? await readEach(this.store, asked) : await this.readTogether(asked);
    const kept = pages.map(([page]) => page!);
    kept.forEach((page) => this.notePartial(id, direction, page));
    // Each read's rows hold the parts it asked for: the answers come in the order of the reads.
    return kept.map((page) => page.items) as RankedRows<Reads>;
  }

  /** Relationships of `id` read in `direction` (symmetric ones from either end), of one kind. */
  edges(id: string, direction: Side, kind: RelationshipKind): readonly Relationship[] {
    return this.cache.get(direction)?.get(id)?.get(kind) ?? [];
  }

  wasRead(id: string, direction: Side): boolean {
    return this.cache.get(direction)?.has(id) ?? false;
  }

  private seenIn(direction: Side): Map<string, ByKind> {
    const seen = this.cache.get(direction) ?? new Map<string, ByKind>();
    this.cache.set(direction, seen);
    return seen;
  }

  private keep(id: string, direction: Side, page: RelationshipPage): void {
    this.notePartial(id, direction, page);
    this.seenIn(direction).set(id, byKind(page.items));
  }

  private notePartial(id: string, direction: Side, page: RelationshipPage): void {
    if (page.hasNextPage) {
      this.partialReads.push({ nodeId: id, direction, read: page.items.length, total: page.totalCount });
    }
  }
}

/** Split once when read, so that each use of one kind is a look-up, however many relationships a hub has. */
function byKind(relationships: readonly Relationship[]): ByKind {
  return groupBy(relationships, (r) => r.kind);
}

/** Each read on its own, one after the other, through relationshipsOf. */
async function readEach(store: GraphStore, reads: readonly RelationshipRead[]): Promise<RelationshipPage[][]> {
  const pages: RelationshipPage[][] = [];
  for (const read of reads) pages.push(await store.relationshipsOf(read.nodeIds, read.filter, read.page, read.options));
  return pages;
}
