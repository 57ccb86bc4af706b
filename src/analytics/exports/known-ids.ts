import type { NodeKind } from "../../domain/entities";
import { BadInputError } from "../../domain/errors";
import type { GraphStore } from "../../store/graph-store";

/**
 * Ids an export filters by must all exist: an unknown one is refused, naming it, rather than
 * answering a file that silently leaves it out.
 */
export async function requireKnown(
  store: GraphStore,
  argument: string,
  kind: NodeKind,
  ids: readonly string[],
): Promise<void> {
  const found = await store.nodesOfKindByIds(kind, ids);
  const missing = ids.filter((_, index) => found[index] === null);
  if (missing.length > 0) {
    throw new BadInputError(
      `${argument}: no ${kind.toLowerCase()} with id ${missing.map((id) => JSON.stringify(id)).join(", ")}`,
      { argument, missing: missing.join(",") },
    );
  }
}
