import type { Relationship, RelationshipKind } from "../domain/entities";
import { checkDate } from "../domain/dates";
import type { GraphStore, Page, PageRequest } from "../store/graph-store";
import { graphKnownAt } from "../store/record-time";
import { byId, pageInOrder } from "../store/relationship-filter";

export interface ConflictsInput {
  readonly knownAt?: string | null;
  readonly asOf?: string | null;
  readonly kinds?: readonly RelationshipKind[];
}

/** Most apart first; equal gaps by id, so that pages are stable. */
function byGap(a: Relationship, b: Relationship): number {
  return b.agreement.gap - a.agreement.gap || byId(a, b);
}

/**
 * Relationships whose claims disagree on the amount, as known at `knownAt`, ranked by how far
 * apart the claims are. `page.after` is the id of the last one already seen.
 */
export async function conflicts(
  store: GraphStore,
  input: ConflictsInput,
  page: PageRequest,
): Promise<Page<Relationship>> {
  const asOf = checkDate("asOf", input.asOf);
  const graph = graphKnownAt(store, input.knownAt);
  const found = await graph.listRelationships({ conflicting: true, asOf, kinds: input.kinds ?? [] }, {});
  return pageInOrder([...found.items].sort(byGap), page.first, page.after);
}
