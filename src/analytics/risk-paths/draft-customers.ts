import type { GraphNode } from "../../domain/entities";
import type { GraphStore } from "../../store/graph-store";
import type { Draft } from "./draft";

/**
 * Names the customers the drafts start from that are not named yet: at a hub, the few customers the
 * paths are about rather than all of the supplier's customers, which the ranking read reached. A
 * draft through a customer holds its flow and starts with its purchase; the others hold no purchase.
 */
export async function nameDraftCustomers(
  store: GraphStore,
  drafts: readonly Draft[],
  known: Map<string, GraphNode>,
): Promise<void> {
  const customers = new Set(drafts.flatMap((draft) => (draft.flow ? [draft.flow.counterpartyId] : [])));
  const unnamed = [...customers].filter((id) => !known.has(id));
  if (unnamed.length === 0) return;
  for (const node of await store.nodesByIds(unnamed)) if (node) known.set(node.id, node);
}
