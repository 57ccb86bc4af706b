import type { NodeRow } from "../../domain/node-columns";
import { StoreUnavailableError } from "../../domain/errors";
import type { RelationshipPart, RelationshipRow } from "../../domain/relationship-parts";
import type { Page, PageRequest, RelationshipPage, RelationshipPagesOf, RelationshipRead } from "../graph-store";
import type { Neo4jRecord } from "./executor";
import { relationshipReader } from "./mapping";
import { nodeFromColumns } from "./node-mapping";
import { pageSize } from "./queries/cypher-query";
import type { PageRow } from "./queries/plan-query";

/**
 * A node's page from the rows of relationshipPageSubquery (one row more than `first` when there is a
 * next page), its neighbours found by `nodeOf`, each row (relationship and other end) read by
 * `readRelationship`.
 */
export function pageFromRows<Other, Row, Node extends NodeRow>(
  rows: readonly PageRow<Other>[],
  totalCount: number | null,
  page: PageRequest,
  nodeOf: (other: Other) => Node | null,
  readRelationship: (row: PageRow<Other>) => Row,
) {
  const first = pageSize(page);
  const items = first === null ? rows : rows.slice(0, first);
  const hasNextPage = first !== null && rows.length > first;
  const neighbours = new Map<string, Node>();
  for (const [, other] of items) {
    const node = nodeOf(other);
    if (node) neighbours.set(node.id, node);
  }
  return {
    items: items.map(readRelationship),
    totalCount,
    hasNextPage,
    neighbours: [...neighbours.keys()].sort().map((id) => neighbours.get(id)!),
  };
}

/** A counted page of rows of `parts` (every part when undefined), with the other ends' columns. */
function countedPage<P extends RelationshipPart>(
  rows: readonly PageRow<unknown[] | null>[],
  totalCount: number | null,
  page: PageRequest,
  readRelationship: (columns: readonly unknown[]) => RelationshipRow<P>,
): RelationshipPage<RelationshipRow<P>> {
  const nodeOf = (other: unknown[] | null) => (other ? nodeFromColumns(other) : null);
  const counted = pageFromRows(rows, totalCount, page, nodeOf, ([relationship]) => readRelationship(relationship));
  if (counted.totalCount === null) throw incompleteAnswer("a page without the count it was read with");
  return { ...counted, totalCount: counted.totalCount };
}

/** How a record of relationshipsOfQuery, read for `page` and `parts`, becomes its node's page. */
export function pageReader<P extends RelationshipPart>(
  page: PageRequest,
  parts: readonly P[] | undefined,
): (rec: Neo4jRecord) => RelationshipPage<RelationshipRow<P>> {
  const readRelationship = relationshipReader(parts);
  return (rec) =>
    countedPage(
      rec.get("rows") as PageRow<unknown[] | null>[],
      rec.get("totalCount") as number | null,
      page,
      readRelationship,
    );
}

/** The page of a node that does not exist: it has no relationships. */
export const NO_RELATIONSHIPS: RelationshipPage = { items: [], totalCount: 0, hasNextPage: false, neighbours: [] };

/** One read's pages, in the order of its node ids, from its `[nodeId, totalCount, rows]` rows. */
export function pagesOfRead<P extends RelationshipPart>(
  read: RelationshipRead<P>,
  rows: readonly (readonly [string, number | null, PageRow<unknown[] | null>[]])[],
): RelationshipPagesOf<P> {
  const readRelationship = relationshipReader(read.options?.parts);
  const byNode = new Map(
    rows.map(([nodeId, totalCount, pageRows]) => [
      nodeId,
      countedPage(pageRows, totalCount, read.page, readRelationship),
    ]),
  );
  return read.nodeIds.map((id) => byNode.get(id) ?? NO_RELATIONSHIPS);
}

/**
 * An answer missing what its statement always returns: the result was cut short, or read half
 * before and half after a change. Passed on, it would read as "no data"; a retry can succeed.
 */
export function incompleteAnswer(what: string): StoreUnavailableError {
  return new StoreUnavailableError(`Neo4j answered incompletely: ${what}`, { incomplete: true });
}

/** `items` were fetched with one extra row when a page size was given. */
export function trimPage<T>(items: T[], totalCount: number, first: number | null): Page<T> {
  if (first === null) return { items, totalCount, hasNextPage: false };
  return { items: items.slice(0, first), totalCount, hasNextPage: items.length > first };
}
