import type { GraphNode } from "../../domain/entities";
import type { GraphStore } from "../../store/graph-store";
import type { Draft } from "./draft";
import type { SupplierReading } from "./neighbourhood";

/**
 * Names the customers the drafts start from that are not named yet: at a hub, the few customers the
 * paths are about rather than all of the supplier's customers, which the ranking read reached.
 */
export async function nameDraftCustomers(
  store: GraphStore,
  drafts: readonly Draft[],
  supplier: SupplierReading,
  known: Map<string, GraphNode>,
): Promise<void> {
  const purchaseIds = new Set(supplier.purchases.map((r) => r.id));
  const customers = new Set<string>();
  for (const draft of drafts)
    for (const [r] of [...draft.hops, ...draft.context]) if (purchaseIds.has(r.id)) customers.add(r.from);
  const unnamed = [...customers].filter((id) => !known.has(id));
  if (unnamed.length === 0) return;
  for (const node of await store.nodesByIds(unnamed)) if (node) known.set(node.id, node);
}
