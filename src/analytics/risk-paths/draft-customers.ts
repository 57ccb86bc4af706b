import type { Relationship } from "../../domain/entities";
import { StoreUnavailableError } from "../../domain/errors";
import type { NodeRow } from "../../domain/node-columns";
import type { GraphStore } from "../../store/graph-store";
import { readMentioned } from "../nodes";
import type { Draft } from "./draft";

/**
 * Reads into `known` every node the report can name that is not known yet: those `alsoNamed` (by
 * the notes and the coverage) and every node of a draft, which is every node its explanation names:
 * where it starts, its line and customer, and the ends and product of each of its relationships.
 * At a hub these are a few of the thousands of nodes the search reached.
 */
export async function readNamedNodes(
  store: GraphStore,
  drafts: readonly Draft[],
  alsoNamed: Iterable<string>,
  known: Map<string, NodeRow>,
): Promise<void> {
  const named = new Set(alsoNamed);
  for (const draft of drafts) {
    for (const id of draft.start) named.add(id);
    named.add(draft.line.productId);
    if (draft.flow) named.add(draft.flow.counterpartyId);
    const steps = [...draft.hops, ...draft.context].map(([r]) => r);
    for (const r of draft.purchase ? [draft.purchase, ...steps] : steps) {
      named.add(r.from).add(r.to);
      if (r.productId) named.add(r.productId);
    }
  }
  await readMentioned(store, named, known);
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
