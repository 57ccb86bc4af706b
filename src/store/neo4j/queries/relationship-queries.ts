import { RELATIONSHIP_KINDS, type RelationshipKind, SYMMETRIC_KINDS } from "../../../domain/entities";
import type { PageRequest, RelationshipFilter } from "../../graph-store";
import { COMMON_FILTER, typePattern } from "../cypher-rules";
import { cypherInt, type Params } from "../executor";
import { cypher, type CypherQuery, listOrNull, pageSize, unique } from "./cypher-query";

/** The relationship as a map the store's mapper reads; `r` must be bound. */
const RELATIONSHIP_PROJECTION = "{props: properties(r), kind: type(r), fromId: startNode(r).id, toId: endNode(r).id}";

/** The kinds a filter asks for, spelled from the fixed list; an empty filter means all of them. */
export function selectedKinds(filter: RelationshipFilter): RelationshipKind[] {
  if (!filter.kinds || filter.kinds.length === 0) return [...RELATIONSHIP_KINDS];
  return RELATIONSHIP_KINDS.filter((kind) => filter.kinds!.includes(kind));
}

/**
 * Every relationship with id `idExpression` whatever its type, as rows `r, fromId, toId`. A UNION of
 * one MATCH per type, because an id is indexed per type and an untyped pattern would scan them all.
 */
function relationshipByIdUnion(idExpression: string): string {
  return RELATIONSHIP_KINDS.map(
    (kind) => `MATCH (a)-[r:${kind} {id: ${idExpression}}]->(b) RETURN r, a.id AS fromId, b.id AS toId`,
  ).join("\nUNION ALL\n");
}

/** The parameters COMMON_FILTER and `$counterpartIds` read; empty lists mean "no restriction", as in matchesFilter. */
function filterParams(filter: RelationshipFilter): Params {
  return {
    counterpartIds: listOrNull(filter.counterpartIds),
    productIds: listOrNull(filter.productIds),
    statuses: listOrNull(filter.statuses),
    asOf: filter.asOf || null,
  };
}

/**
 * One page of relationships for each node id, all in one statement (the DataLoader batch). Rows
 * `nodeId, totalCount, hasNextPage, items, neighbours`; an unknown node id still gets a row with
 * nothing in it. With `withNeighbours` the other ends of each page come back too, so that resolving
 * them costs no second round trip. `filter` must select at least one kind.
 */
export function relationshipsOfQuery(
  nodeIds: readonly string[],
  filter: RelationshipFilter,
  page: PageRequest,
  withNeighbours: boolean,
): CypherQuery {
  // One of two fixed fragments, chosen by a boolean and never built from input.
  const neighbours = withNeighbours
    ? cypher`
        CALL (pageRows) {
          UNWIND pageRows AS x
          WITH DISTINCT x.m AS m
          ORDER BY m.id
          RETURN collect(properties(m)) AS neighbours
        }`
    : "WITH *, [] AS neighbours";
  const text = cypher`
    UNWIND $ids AS nodeId
    CALL (nodeId) {
      MATCH (n:Entity {id: nodeId})-[r:${typePattern(selectedKinds(filter))}]-(m)
      WHERE ($direction = 'BOTH' OR type(r) IN $symmetric
             OR ($direction = 'OUT' AND startNode(r) = n)
             OR ($direction = 'IN' AND endNode(r) = n))
        AND ($counterpartIds IS NULL OR m.id IN $counterpartIds)
        AND ${COMMON_FILTER}
      WITH r, m ORDER BY r.id
      RETURN collect({r: r, m: m}) AS rows
    }
    WITH nodeId, rows, [x IN rows WHERE $after IS NULL OR x.r.id > $after] AS rest
    WITH nodeId, size(rows) AS totalCount, rest,
         CASE WHEN $first IS NULL THEN rest ELSE rest[0..$first] END AS pageRows
    ${neighbours}
    RETURN nodeId, totalCount, size(pageRows) < size(rest) AS hasNextPage,
           [r IN [x IN pageRows | x.r] | ${RELATIONSHIP_PROJECTION}] AS items, neighbours`;
  const params = {
    ids: unique(nodeIds),
    ...filterParams(filter),
    direction: filter.direction ?? "BOTH",
    symmetric: [...SYMMETRIC_KINDS],
    after: page.after || null,
    first: page.first === undefined ? null : cypherInt(page.first),
  };
  return { cypher: text, params };
}

/** Rows `props, kind, fromId, toId` for the ids that exist; one statement for the whole batch. */
export function relationshipsByIdsQuery(ids: readonly string[]): CypherQuery {
  const text = cypher`
    UNWIND $ids AS id
    CALL (id) {
      ${relationshipByIdUnion("id")}
    }
    RETURN properties(r) AS props, type(r) AS kind, fromId, toId`;
  return { cypher: text, params: { ids: unique(ids) } };
}

/**
 * One row `totalCount, items` over the whole graph, items in id order after the cursor. With a page
 * size it fetches one item more, so that the store can tell whether a next page exists. `filter`
 * must select at least one kind.
 */
export function listRelationshipsQuery(filter: RelationshipFilter, page: PageRequest): CypherQuery {
  const first = pageSize(page);
  const match = cypher`
    MATCH (a)-[r:${typePattern(selectedKinds(filter))}]->(b)
    WHERE ($counterpartIds IS NULL OR a.id IN $counterpartIds OR b.id IN $counterpartIds)
      AND ${COMMON_FILTER}`;
  const text = cypher`
    CALL () {
      ${match}
      RETURN count(r) AS totalCount
    }
    CALL () {
      ${match}
        AND ($after IS NULL OR r.id > $after)
      WITH r ORDER BY r.id ${first === null ? "" : "LIMIT $limit"}
      RETURN collect(${RELATIONSHIP_PROJECTION}) AS items
    }
    RETURN totalCount, items`;
  const params = {
    ...filterParams(filter),
    after: page.after || null,
    limit: first === null ? null : cypherInt(first + 1),
  };
  return { cypher: text, params };
}
