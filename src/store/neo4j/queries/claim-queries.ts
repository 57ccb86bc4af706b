import type { ClaimFilter, PageRequest, SourceFilter } from "../../graph-store";
import { claimPredicates, RECORD_TIME_NOW } from "../cypher-rules";
import { type CypherQuery, listOrNull, unique } from "./cypher-query";
import { listNodesQuery } from "./node-queries";

/*
 * Claims are `:Claim` records beside the graph, each naming its relationship and source by id (a
 * relationship is an edge and cannot be pointed at), found through indexes on those ids.
 */

/** One row `relationshipId, claims` per id, every claim about it (withdrawn ones too) in record order. */
export function claimsOfQuery(relationshipIds: readonly string[]): CypherQuery {
  const text = `UNWIND $ids AS relationshipId
    CALL (relationshipId) {
      MATCH (c:Claim {relationshipId: relationshipId})
      WITH c ORDER BY c.recordedAt, c.id
      RETURN collect(properties(c)) AS claims
    }
    RETURN relationshipId, claims`;
  return { cypher: text, params: { ids: unique(relationshipIds) } };
}

export function claimsByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN properties(c) AS props",
    params: { ids: unique(ids) },
  };
}

/** A page of claims passing the filter, in id order (see listNodesQuery for the row). */
export function listClaimsQuery(filter: ClaimFilter, page: PageRequest): CypherQuery {
  const conditions = claimPredicates(filter, "n");
  const params = {
    relationshipIds: listOrNull(filter.relationshipIds),
    sourceIds: listOrNull(filter.sourceIds),
    knownAt: filter.knownAt || RECORD_TIME_NOW,
  };
  return listNodesQuery("Claim", conditions, params, page);
}

export function listSourcesQuery(filter: SourceFilter, page: PageRequest): CypherQuery {
  const conditions = [
    filter.kinds && filter.kinds.length > 0 ? "n.kind IN $kinds" : null,
    filter.derivesFrom && filter.derivesFrom.length > 0
      ? `(any(cited IN coalesce(n.derivedFrom, []) WHERE cited IN $derivesFrom)
          OR EXISTS { MATCH (d:Derivation {sourceId: n.id}) WHERE d.derivedFrom IN $derivesFrom })`
      : null,
  ].filter((condition): condition is string => condition !== null);
  const params = { kinds: listOrNull(filter.kinds), derivesFrom: listOrNull(filter.derivesFrom) };
  return listNodesQuery("Source", conditions, params, page);
}
