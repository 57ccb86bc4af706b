import type { GraphNode, Relationship, RelationshipKind } from "../../domain/entities";
import type { Direction, GraphStore, RelationshipPage } from "../../store/graph-store";
import { FANOUT_CAP, FRONTIER_CAP, RANKED_READ_CAP } from "./caps";

type Side = "IN" | "OUT";

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
  private readonly cache = new Map<Direction, Map<string, readonly Relationship[]>>();
  /** Nodes whose relationships were read only in part, in the order they were read. */
  readonly partialReads: PartialRead[] = [];
  /** Nodes a level did not read because it held more than FRONTIER_CAP. */
  frontierLeftOut = 0;

  constructor(
    private readonly store: GraphStore,
    private readonly kinds: Record<Side, readonly RelationshipKind[]>,
  ) {}

  /** A cap was hit: some relationships were not read. */
  get truncated(): boolean {
    return this.partialReads.length > 0 || this.frontierLeftOut > 0;
  }

  async read(ids: Iterable<string>, direction: Side): Promise<string[]> {
    const seen = this.seenIn(direction);
    let todo = [...new Set(ids)].filter((id) => !seen.has(id));
    if (todo.length === 0) return [];
    if (todo.length > FRONTIER_CAP) {
      this.frontierLeftOut += todo.length - FRONTIER_CAP;
      todo = todo.slice(0, FRONTIER_CAP);
    }
    // Validity is checked per use (a former supplier matters precisely because it has ended).
    const pages = await this.store.relationshipsOf(
      todo,
      { kinds: this.kinds[direction], direction },
      { first: FANOUT_CAP },
    );
    todo.forEach((id, i) => this.keep(id, direction, pages[i]!));
    return todo;
  }

  /**
   * Reads one node's relationships far beyond the fan-out cap (up to RANKED_READ_CAP), with the
   * nodes at their other ends, for a caller that ranks them all before following any. Same call
   * count as `read`: the neighbours come with the relationships.
   */
  async readRanked(id: string, direction: Side): Promise<readonly GraphNode[]> {
    const [page] = await this.store.relationshipsOf(
      [id],
      { kinds: this.kinds[direction], direction },
      { first: RANKED_READ_CAP },
      { withNeighbours: true },
    );
    this.keep(id, direction, page!);
    return page!.neighbours;
  }

  /** Relationships of `id` read in `direction` (symmetric ones from either end), of one kind. */
  edges(id: string, direction: Side, kind: RelationshipKind): readonly Relationship[] {
    return (this.cache.get(direction)?.get(id) ?? []).filter((r) => r.kind === kind);
  }

  wasRead(id: string, direction: Side): boolean {
    return this.cache.get(direction)?.has(id) ?? false;
  }

  private seenIn(direction: Side): Map<string, readonly Relationship[]> {
    const seen = this.cache.get(direction) ?? new Map<string, readonly Relationship[]>();
    this.cache.set(direction, seen);
    return seen;
  }

  private keep(id: string, direction: Side, page: RelationshipPage): void {
    if (page.hasNextPage) {
      this.partialReads.push({ nodeId: id, direction, read: page.items.length, total: page.totalCount });
    }
    this.seenIn(direction).set(id, page.items);
  }
}
