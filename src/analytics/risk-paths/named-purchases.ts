import type { GraphNode } from "../../domain/entities";
import { DomainError } from "../../domain/errors";
import type { GraphStore } from "../../store/graph-store";
import type { Step } from "../paths/path-hop";
import type { Draft } from "./draft";
import type { SupplierReading } from "./neighbourhood";

/**
 * The supplier's purchases that the drafts go through, read whole (the ranking read took only what
 * ranks the customers), and the customers they start from that are not named yet: at a hub, the
 * few customers the paths are about rather than all of them. Returns the drafts with those
 * purchases in place of their ranking reads.
 */
export async function withNamedPurchases(
  store: GraphStore,
  drafts: readonly Draft[],
  supplier: SupplierReading,
  known: Map<string, GraphNode>,
): Promise<Draft[]> {
  const rankingReads = new Set(supplier.purchases.map((r) => r.id));
  const shown = new Map<string, string>();
  for (const draft of drafts)
    for (const [r] of [...draft.hops, ...draft.context]) if (rankingReads.has(r.id)) shown.set(r.id, r.from);
  const unnamed = [...new Set(shown.values())].filter((id) => !known.has(id));
  const [whole, nodes] = await Promise.all([store.relationshipsByIds([...shown.keys()]), store.nodesByIds(unnamed)]);
  for (const node of nodes) if (node) known.set(node.id, node);
  const byId = new Map(whole.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  const wholeStep = ([r, enteredAt]: Step): Step => {
    if (!rankingReads.has(r.id)) return [r, enteredAt];
    const read = byId.get(r.id);
    // Gone between the two reads: the search saw a graph that no longer is.
    if (!read) throw new DomainError("INTERNAL", `purchase ${r.id} changed while risk paths were searched`);
    return [read, enteredAt];
  };
  return drafts.map((draft) => ({ ...draft, hops: draft.hops.map(wholeStep), context: draft.context.map(wholeStep) }));
}
