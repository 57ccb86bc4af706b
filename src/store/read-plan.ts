import type { GraphNode, Relationship } from "../domain/entities";
import { type NodeColumn, type NodeRow, nodeView, readsWholeNodes } from "../domain/node-columns";
import { type RelationshipPart, type RelationshipRow, rowView } from "../domain/relationship-parts";
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
  const rootView = keptNodeView(root.columns);
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
      const contents = plannedContents(list);
      const byNode = new Map<string, PlannedPage>();
      const others = new Set<string>();
      nodeIds.forEach((id, i) => {
        const page = pages[i]!;
        byNode.set(id, contents(page));
        for (const r of page.items) others.add(r.from === id ? r.to : r.from);
      });
      return { pages: byNode, next: list.next.length > 0 ? await readLists(store, [...others], list.next) : [] };
    }),
  );
}

/** A whole page cut to what a planned list asked for: its parts and columns, and its count only when asked. */
function plannedContents(list: PlannedList): (page: RelationshipPage) => PlannedPage {
  const view = keptRowView(list.parts);
  const neighbourView = keptNodeView(list.nodeColumns);
  return (page) => ({
    items: page.items.map(view),
    totalCount: list.withTotalCount === false ? null : page.totalCount,
    hasNextPage: page.hasNextPage,
    neighbours: page.neighbours.map(neighbourView),
  });
}

/** Sets of parts or columns whose views are kept (see keptView); the reads a server serves select one of a few. */
const VIEWS_KEPT = 64;
const keptViews = new Map<string, unknown>();

/**
 * `make`, each relationship or node cut once per set of parts or columns rather than on every read: a
 * nested read ships thousands of them, and copying each on every request was a tenth of the memory
 * store's time with the garbage it left. A relationship or node object is never changed in place (a
 * write stores a new one; a read at a record time remakes new ones), so a kept view stays right for
 * as long as what it was cut from lives, and goes with it.
 */
function keptView<W extends object, V extends object>(key: string, make: (whole: W) => V): (whole: W) => V {
  let view = keptViews.get(key) as ((whole: W) => V) | undefined;
  if (!view) {
    const made = new WeakMap<W, V>();
    view = (whole) => {
      let cut = made.get(whole);
      if (!cut) made.set(whole, (cut = make(whole)));
      return cut;
    };
    if (keptViews.size >= VIEWS_KEPT) keptViews.delete(keptViews.keys().next().value!);
    keptViews.set(key, view);
  }
  return view;
}

/** How the embedded store cuts a relationship to the rows a read of `parts` gives (every part when undefined). */
export function keptRowView<P extends RelationshipPart>(
  parts: readonly P[] | undefined,
): (relationship: Relationship) => RelationshipRow<P> {
  return parts ? keptView(`parts:${parts.join(",")}`, rowView(parts)) : rowView(parts);
}

function keptNodeView(columns: readonly NodeColumn[] | undefined): (node: NodeRow) => NodeRow {
  return readsWholeNodes(columns) ? nodeView(columns) : keptView(`columns:${columns!.join(",")}`, nodeView(columns));
}
