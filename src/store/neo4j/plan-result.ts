import { type NodeColumn, type NodeRow, nodeView, sameColumns } from "../../domain/node-columns";
import { RELATIONSHIP_PARTS } from "../../domain/relationship-parts";
import type { Page, PlannedList, PlannedListResult, PlannedPage, PlanResult, PlanRoot } from "../graph-store";
import { plannedRelationshipReader } from "./mapping";
import { nodeReader } from "./node-mapping";
import { incompleteAnswer, pageFromRows, trimPage } from "./page-rows";
import { pageSize, unique } from "./queries/cypher-query";
import {
  PLAN_PART,
  type PlanAnswer,
  type PlanAnswerPart,
  type PlanListRow,
  planNodeColumns,
  type PlanRootRow,
  soleKindOf,
} from "./queries/plan-query";

/** A plan statement's answer as the store gives it: the root's page and each planned list's pages, nested. */
export function planResultOf(root: PlanRoot, lists: readonly PlannedList[], answer: PlanAnswer): PlanResult {
  const nodeColumns = planNodeColumns(lists);
  const readNode = nodeReader(nodeColumns);
  const nodes = new Map(answer.nodes.map(readNode).map((node) => [node.id, node]));
  const readRoot = nodeReader(root.columns);
  const roots = answer.rootRows.map(([columns, rootLists]) => ({ node: readRoot(columns), lists: rootLists }));
  const rootPage = planRootPage(
    root,
    roots.map(({ node }) => node),
    answer.rootTotal,
  );
  const kept = new Set(rootPage.items.map((node) => node.id));
  const entries = roots.filter(({ node }) => kept.has(node.id));
  return {
    root: rootPage,
    lists: lists.map((list, i) =>
      plannedListResult(
        list,
        entries.map(({ node, lists: rootLists }) => [node.id, rootLists[i]!]),
        nodes,
        nodeColumns,
      ),
    ),
  };
}

/** A plan statement's records (PlanAnswerPart each) put together; exactly one holds the root's total. */
export function planAnswerOf(parts: readonly PlanAnswerPart[]): PlanAnswer {
  const totals: number[] = [];
  const rootRows: PlanRootRow[] = [];
  const nodes: (readonly unknown[])[] = [];
  for (const part of parts) {
    if (part[0] === PLAN_PART.rootTotal) totals.push(part[1]);
    else if (part[0] === PLAN_PART.rootRow) rootRows.push(part[1]);
    else nodes.push(...part[1]);
  }
  if (totals.length !== 1) throw incompleteAnswer(`${totals.length} root totals where the statement returns one`);
  return { rootTotal: totals[0]!, rootRows, nodes };
}

/** The root page as readPlanByLevels gives it: a trimmed companies page, or the nodes found in the order asked. */
function planRootPage(root: PlanRoot, nodes: NodeRow[], total: number): Page<NodeRow> {
  if (root.kind === "companies") return trimPage(nodes, total, pageSize(root.page));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const found = unique(root.ids).flatMap((id) => byId.get(id) ?? []);
  return { items: found, totalCount: found.length, hasNextPage: false };
}

/**
 * One planned list's pages for the nodes of its level, and its nested lists for the other ends of
 * the kept items only (an end reached only through another node's extra row is not on any page).
 */
function plannedListResult(
  list: PlannedList,
  entries: readonly (readonly [string, PlanListRow])[],
  nodes: ReadonlyMap<string, NodeRow>,
  readWith: readonly NodeColumn[] | undefined,
): PlannedListResult {
  // The nodes were read with every list's columns; each list's neighbours hold its own.
  const view = sameColumns(list.nodeColumns, readWith) ? undefined : nodeView(list.nodeColumns);
  const nodeOf = (id: string) => {
    const node = nodes.get(id);
    if (!node) throw incompleteAnswer(`the planned read lacks the node ${id}`);
    return view ? view(node) : node;
  };
  const readRelationship = plannedRelationshipReader(list.parts ?? RELATIONSHIP_PARTS, soleKindOf(list));
  const pages = new Map<string, PlannedPage>(
    entries.map(([id, [totalCount, rows]]) => [
      id,
      pageFromRows(rows, totalCount, list.page, nodeOf, ([relationship, otherId]) =>
        readRelationship(relationship, id, otherId),
      ),
    ]),
  );
  const reached = new Set([...pages].flatMap(([id, page]) => page.items.map((r) => (r.from === id ? r.to : r.from))));
  const nested = new Map(entries.flatMap(([, [, , nested]]) => nested).filter(([id]) => reached.has(id)));
  // A node on a page without the lists planned under it would read as a node with none of them.
  const unanswered = list.next.length === 0 ? [] : [...reached].filter((id) => !nested.has(id));
  if (unanswered.length > 0) throw incompleteAnswer(`the planned read lacks the lists under ${unanswered.join(", ")}`);
  return {
    pages,
    next: list.next.map((child, i) =>
      plannedListResult(
        child,
        [...nested].map(([id, lists]) => [id, lists[i]!]),
        nodes,
        readWith,
      ),
    ),
  };
}
