import type { NodeRow } from "../../domain/node-columns";
import type { GraphStore } from "../../store/graph-store";
import { readMentioned } from "../nodes";
import type { Draft } from "./draft";

/**
 * Names the customers the drafts start from that are not named yet: at a hub, the few customers the
 * paths are about rather than all of the supplier's customers, which the ranking read reached. A
 * draft through a customer holds its flow and starts with its purchase; the others hold no purchase.
 */
export async function nameDraftCustomers(
  store: GraphStore,
  drafts: readonly Draft[],
  known: Map<string, NodeRow>,
): Promise<void> {
  const customerIds = drafts.flatMap((draft) => (draft.flow ? [draft.flow.counterpartyId] : []));
  await readMentioned(store, customerIds, known);
}
