import type { GraphNode } from "../domain/entities";
import type { GraphStore, Page, PlannedList, PlannedListResult, PlanResult, PlanRoot } from "./graph-store";

/**
 * A planned read made of the port's own calls: the root, then one relationshipsOf per list and
 * level. This is what the memory store answers plans with, and the reference a store that reads a
 * plan in one query is checked against.
 */
export async function readPlanByLevels(
  store: GraphStore,
  root: PlanRoot,
  lists: readonly PlannedList[],
): Promise<PlanResult> {
  const rootPage = await readRoot(store, root);
  return {
    root: rootPage,
    lists: await readLists(
      store,
      rootPage.items.map((node) => node.id),
      lists,
    ),
  };
}

async function readRoot(store: GraphStore, root: PlanRoot): Promise<Page<GraphNode>> {
  if (root.kind === "companies") return store.listCompanies(root.filter, root.page);
  const found = (await store.nodesByIds(root.ids)).filter((node): node is GraphNode => node !== null);
  return { items: found, totalCount: found.length, hasNextPage: false };
}

async function readLists(
  store: GraphStore,
  nodeIds: readonly string[],
  lists: readonly PlannedList[],
): Promise<PlannedListResult[]> {
  return Promise.all(
    lists.map(async (list) => {
      const pages = await store.relationshipsOf(nodeIds, list.filter, list.page, {
        withNeighbours: true,
        parts: list.parts,
        withTotalCount: list.withTotalCount,
      });
      const others = new Set(
        pages.flatMap((page, i) => page.items.map((r) => (r.from === nodeIds[i] ? r.to : r.from))),
      );
      return {
        pages: new Map(nodeIds.map((id, i) => [id, pages[i]!])),
        next: list.next.length > 0 ? await readLists(store, [...others], list.next) : [],
      };
    }),
  );
}
