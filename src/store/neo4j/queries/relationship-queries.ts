import { RELATIONSHIP_KINDS, type RelationshipKind } from "../../../domain/entities";
import type { RelationshipPart } from "../../../domain/relationship-parts";
import type { PageRequest, RelationshipFilter, RelationshipRead, RelationshipReadOptions } from "../../graph-store";
import {
  filterParams,
  filterPredicates,
  idAfter,
  relationshipPatterns,
  typePattern,
  whereClause,
} from "../cypher-rules";
import { cypherInt, type Params } from "../executor";
import {
  cypher,
  type CypherQuery,
  nodeProjection,
  pageSize,
  relationshipProjection,
  spelledFrom,
  unique,
} from "./cypher-query";

/** The kinds a filter asks for, spelled from the fixed list; an empty filter means all of them. */
export function selectedKinds(filter: RelationshipFilter): RelationshipKind[] {
  if (!filter.kinds || filter.kinds.length === 0) return [...RELATIONSHIP_KINDS];
  return RELATIONSHIP_KINDS.filter((kind) => filter.kinds!.includes(kind));
}

/**
 * Every relationship with id `idExpression` among the types `kinds` (all by default), as rows `r,
 * fromId, toId`. A UNION of one MATCH per type, because an id is indexed per type and an untyped
 * pattern would scan them all. The hints pin each to an index seek: in a statement that deletes,
 * the planner has been seen to pick a scan of the type's relationships per row instead. The types
 * are spelled from the domain's fixed list; `idExpression` is a variable the caller binds, never input.
 */
export function relationshipByIdUnion(
  idExpression: string,
  kinds: readonly RelationshipKind[] = RELATIONSHIP_KINDS,
): string {
  return kinds
    .map((kind) => spelledFrom(RELATIONSHIP_KINDS, kind))
    .map(
      (kind) =>
        `MATCH (a)-[r:${kind} {id: ${idExpression}}]->(b) USING INDEX SEEK r:${kind}(id) RETURN r, a.id AS fromId, b.id AS toId`,
    )
    .join("\nUNION ALL\n");
}

/**
 * One node's page of relationships, as a subquery over `n`: rows `rows` (each `row`, a list over
 * the relationship `r` and the other end `m`, in id order, one more than `first` when a page size is
 * given, so a next page can be told) and `totalCount` (null when `withTotalCount` is false).
 * Paging happens inside the pattern (ORDER BY and LIMIT on the node's own relationships, never a
 * collect of all of them first), and the count is a COUNT subquery the planner answers from the
 * degree store when no predicate narrows it. Parameters are read under `prefix`.
 */
export function relationshipPageSubquery(
  filter: RelationshipFilter,
  page: PageRequest,
  { prefix = "", row = "[r, m]", withTotalCount = true }: { prefix?: string; row?: string; withTotalCount?: boolean },
): string {
  const patterns = relationshipPatterns(selectedKinds(filter), filter.direction);
  const conditions = filterPredicates(filter, prefix);
  const afterCursor = page.after ? [`r.id > $${prefix}after`] : [];
  const pageMatches = patterns.map(
    (pattern) => `MATCH ${pattern}${whereClause([...conditions, ...afterCursor])} RETURN r, m`,
  );
  const counts = withTotalCount
    ? patterns.map((pattern) => `COUNT { MATCH ${pattern}${whereClause(conditions)} }`)
    : ["null"];
  const limit = page.first === undefined ? "" : ` LIMIT $${prefix}take`;
  return cypher`
    CALL (n) {
      CALL (n) {
        ${pageMatches.join("\nUNION ALL\n")}
      }
      WITH r, m ORDER BY r.id${limit}
      RETURN collect(${row}) AS rows
    }
    WITH *, ${counts.join(" + ")} AS totalCount`;
}

/** The parameters relationshipPageSubquery reads under `prefix`. */
export function relationshipPageParams(filter: RelationshipFilter, page: PageRequest, prefix = ""): Params {
  const first = pageSize(page);
  return {
    ...filterParams(filter, prefix),
    [`${prefix}after`]: page.after || null,
    [`${prefix}take`]: first === null ? null : cypherInt(first + 1),
  };
}

/** A page's row: the relationship with the parts asked for, and the other end's columns when asked for (else null). */
function pageRowProjection({ withNeighbours, parts }: RelationshipReadOptions): string {
  return `[${relationshipProjection("r", parts)}, ${withNeighbours ? nodeProjection("m") : "null"}]`;
}

/**
 * One page of relationships for each node id, all in one statement (the DataLoader batch). Rows
 * `nodeId, totalCount, rows` for the ids that exist, each row `[relationship columns, other end's
 * columns or null]` (the store trims the extra row and takes the neighbours from the second half). `filter` must select at least
 * one kind.
 */
export function relationshipsOfQuery(
  nodeIds: readonly string[],
  filter: RelationshipFilter,
  page: PageRequest,
  withNeighbours: boolean,
  parts?: readonly RelationshipPart[],
): CypherQuery {
  const row = pageRowProjection({ withNeighbours, parts });
  const text = cypher`
    UNWIND $ids AS nodeId
    MATCH (n:Entity {id: nodeId})
    ${relationshipPageSubquery(filter, page, { row })}
    RETURN nodeId, totalCount, rows`;
  return { cypher: text, params: { ids: unique(nodeIds), ...relationshipPageParams(filter, page) } };
}

/**
 * Several relationshipsOf reads in one statement: one row, with a column `read<i>` per read holding
 * the rows relationshipsOfQuery would return for it, each as `[nodeId, totalCount, rows]`. Every
 * read must select at least one kind. Each read is its own subquery with its own parameters, so
 * that reads with different filters and pages share the statement and nothing else.
 */
export function relationshipsOfEachQuery(reads: readonly RelationshipRead[]): CypherQuery {
  const parts = reads.map((read, i) => {
    const prefix = `read${i}_`;
    const contents = { prefix, row: pageRowProjection(read.options ?? {}) };
    const text = cypher`
      CALL () {
        UNWIND $${prefix}ids AS nodeId
        MATCH (n:Entity {id: nodeId})
        ${relationshipPageSubquery(read.filter, read.page, contents)}
        RETURN collect([nodeId, totalCount, rows]) AS read${String(i)}
      }`;
    const params = {
      [`${prefix}ids`]: unique(read.nodeIds),
      ...relationshipPageParams(read.filter, read.page, prefix),
    };
    return { text, params };
  });
  const columns = reads.map((_, i) => `read${i}`).join(", ");
  return {
    cypher: [...parts.map((part) => part.text), `RETURN ${columns}`].join("\n"),
    params: Object.assign({}, ...parts.map((part) => part.params)) as Params,
  };
}

/** Rows `props, kind, fromId, toId` for the ids that exist; one statement for the whole batch. */
export function relationshipsByIdsQuery(ids: readonly string[]): CypherQuery {
  const text = cypher`
    UNWIND $ids AS id
    CALL (id) {
      ${relationshipByIdUnion("id")}
    }
    RETURN ${relationshipProjection("r")} AS relationship`;
  return { cypher: text, params: { ids: unique(ids) } };
}

/**
 * One row `totalCount, items` over the whole graph, items in id order after the cursor. With a page
 * size it fetches one item more, so that the store can tell whether a next page exists. `filter`
 * must select at least one kind.
 */
export function listRelationshipsQuery(filter: RelationshipFilter, page: PageRequest): CypherQuery {
  const first = pageSize(page);
  const conditions = filterPredicates({ ...filter, counterpartIds: [] });
  if (filter.counterpartIds?.length) conditions.unshift("(a.id IN $counterpartIds OR b.id IN $counterpartIds)");
  const pattern = `MATCH (a)-[r:${typePattern(selectedKinds(filter))}]->(b)`;
  const text = cypher`
    CALL () {
      ${pattern}${whereClause(conditions)}
      RETURN count(r) AS totalCount
    }
    CALL () {
      ${pattern}${whereClause([...conditions, idAfter("r", page.after, "after")])}
      WITH r ORDER BY r.id ${first === null ? "" : "LIMIT $limit"}
      RETURN collect(${relationshipProjection("r")}) AS items
    }
    RETURN totalCount, items`;
  const params = {
    ...filterParams(filter),
    after: page.after || null,
    limit: first === null ? null : cypherInt(first + 1),
  };
  return { cypher: text, params };
}
