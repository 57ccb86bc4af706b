import type { GraphNode } from "../domain/entities";
import { type NodeRow, nodeView } from "../domain/node-columns";
import { rowView } from "../domain/relationship-parts";
import type {
  GraphStore,
  Page,
  PlannedList,
  PlannedListResult,
  PlannedPage,
  PlanResult,
  PlanRoot,
  RelationshipPage,
} from "./graph-store";

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
  const rootView = nodeView(root.columns);
  return {
    root: { ...rootPage, items: rootPage.items.map(rootView) },
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
      const pages = await store.relationshipsOf(nodeIds, list.filter, list.page, { withNeighbours: true });
      const others = new Set(
        pages.flatMap((page, i) => page.items.map((r) => (r.from === nodeIds[i] ? r.to : r.from))),
      );
      const contents = plannedContents(list);
      return {
        pages: new Map(nodeIds.map((id, i) => [id, contents(pages[i]!)])),
        next: list.next.length > 0 ? await readLists(store, [...others], list.next) : [],
      };
    }),
  );
}

/** A whole page cut to what a planned list asked for: its parts and columns, and its count only when asked. */
function plannedContents(list: PlannedList): (page: RelationshipPage) => PlannedPage {
  const view = rowView(list.parts);
  const neighbourView: (node: GraphNode) => NodeRow = nodeView(list.nodeColumns);
  return (page) => ({
    items: page.items.map(view),
    totalCount: list.withTotalCount === false ? null : page.totalCount,
    hasNextPage: page.hasNextPage,
    neighbours: page.neighbours.map(neighbourView),
  });
}
