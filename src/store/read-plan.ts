import type { GraphNode, Relationship } from "../domain/entities";
import { type NodeRow, nodeView } from "../domain/node-columns";
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
  const view = keptRowView(list.parts);
  const neighbourView: (node: GraphNode) => NodeRow = nodeView(list.nodeColumns);
  return (page) => ({
    items: page.items.map(view),
    totalCount: list.withTotalCount === false ? null : page.totalCount,
    hasNextPage: page.hasNextPage,
    neighbours: page.neighbours.map(neighbourView),
  });
}

type RowView = (relationship: Relationship) => RelationshipRow;

/** Sets of parts whose rows are kept (see keptRowView); the reads a server serves select one of a few. */
const ROW_VIEWS_KEPT = 32;
const rowViews = new Map<string, RowView>();

/**
 * rowView, each relationship cut once per set of parts rather than on every read: a nested read
 * ships thousands of relationships, and copying each on every request was a tenth of the memory
 * store's time with the garbage it left. A relationship object is never changed in place (a write
 * stores a new one; a read at a record time remakes new ones), so a kept row stays right for as
 * long as its relationship lives, and goes with it.
 */
function keptRowView(parts: readonly RelationshipPart[] | undefined): RowView {
  if (!parts) return rowView(parts);
  const key = parts.join(",");
  let view = rowViews.get(key);
  if (!view) {
    const make = rowView(parts);
    const made = new WeakMap<Relationship, RelationshipRow>();
    view = (relationship) => {
      let row = made.get(relationship);
      if (!row) made.set(relationship, (row = make(relationship)));
      return row;
    };
    if (rowViews.size >= ROW_VIEWS_KEPT) rowViews.delete(rowViews.keys().next().value!);
    rowViews.set(key, view);
  }
  return view;
}
