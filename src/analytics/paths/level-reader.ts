import type { Relationship, RelationshipKind } from "../../domain/entities";
import type { Direction, GraphStore } from "../../store/graph-store";
import { FANOUT_CAP, FRONTIER_CAP } from "./caps";

type Side = "IN" | "OUT";

/**
 * Reads relationships level by level: each `read` is one store call for every node of the level,
 * with at most FANOUT_CAP relationships per node. Each node is read once per direction.
 */
export class LevelReader {
  private readonly cache = new Map<Direction, Map<string, readonly Relationship[]>>();
  truncated = false;

  constructor(
    private readonly store: GraphStore,
    private readonly kinds: Record<Side, readonly RelationshipKind[]>,
  ) {}

  async read(ids: Iterable<string>, direction: Side): Promise<string[]> {
    const seen = this.cache.get(direction) ?? new Map<string, readonly Relationship[]>();
    this.cache.set(direction, seen);
    let todo = [...new Set(ids)].filter((id) => !seen.has(id));
    if (todo.length === 0) return [];
    if (todo.length > FRONTIER_CAP) {
      this.truncated = true;
      todo = todo.slice(0, FRONTIER_CAP);
    }
    // Validity is checked per use (a former supplier matters precisely because it has ended).
    const pages = await this.store.relationshipsOf(
      todo,
      { kinds: this.kinds[direction], direction },
      { first: FANOUT_CAP },
    );
    todo.forEach((id, i) => {
      const page = pages[i]!;
      if (page.hasNextPage) this.truncated = true;
      seen.set(id, page.items);
    });
    return todo;
  }

  /** Relationships of `id` read in `direction` (symmetric ones from either end), of one kind. */
  edges(id: string, direction: Side, kind: RelationshipKind): readonly Relationship[] {
    return (this.cache.get(direction)?.get(id) ?? []).filter((r) => r.kind === kind);
  }

  wasRead(id: string, direction: Side): boolean {
    return this.cache.get(direction)?.has(id) ?? false;
  }
}
