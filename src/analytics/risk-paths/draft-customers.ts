import type { Relationship } from "../../domain/entities";
import { StoreUnavailableError } from "../../domain/errors";
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

/**
 * The purchases the drafts start with, whole, by id: the ranking read gave them with the parts
 * ranking needs, and a path shows its hops in full. At a hub, a few of thousands.
 */
export async function readDraftPurchases(
  store: GraphStore,
  drafts: readonly Draft[],
): Promise<ReadonlyMap<string, Relationship>> {
  const ids = [...new Set(drafts.flatMap((draft) => (draft.purchase ? [draft.purchase.id] : [])))];
  if (ids.length === 0) return new Map();
  const read = await store.relationshipsByIds(ids);
  return new Map(
    read.map((purchase, i) => {
      // Removed since the ranking read: the paths would no longer hold; a retry reads them anew.
      if (!purchase) throw new StoreUnavailableError(`purchase ${ids[i]!} was removed while risk paths were read`);
      return [purchase.id, purchase];
    }),
  );
}
