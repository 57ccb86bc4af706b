import type { GraphNode } from "../../domain/entities";
import type { Page, PlannedList, PlannedListResult, PlanRoot } from "../../store/graph-store";
import type { Context } from "../context";

/**
 * Reads a root and every list planned under it in one store call (one statement on Neo4j), then
 * primes the request's loaders with each page and node, so the resolvers that run next find their
 * answers in the loaders' caches: they stay the same one-call resolvers, and whatever the plan did
 * not cover still loads through them as usual.
 */
export async function readPlanned(
  ctx: Context,
  root: PlanRoot,
  lists: readonly PlannedList[],
): Promise<Page<GraphNode>> {
  const result = await ctx.store.readPlan(root, lists);
  result.root.items.forEach(ctx.loaders.primeNode);
  primeLists(ctx, lists, result.lists);
  return result.root;
}

function primeLists(ctx: Context, lists: readonly PlannedList[], results: readonly PlannedListResult[]): void {
  lists.forEach((list, i) => {
    const loader = ctx.loaders.relationshipsOf(list.filter, list.page, list);
    for (const [nodeId, page] of results[i]!.pages) {
      loader.prime(nodeId, page);
      page.neighbours.forEach(ctx.loaders.primeNode);
    }
    primeLists(ctx, list.next, results[i]!.next);
  });
}
