import type { NodeKind } from "../../../domain/entities";
import type { CompanyFilter, PageRequest } from "../../graph-store";
import { idAfter, whereClause } from "../cypher-rules";
import { cypherInt, type Params } from "../executor";
import { cypher, type CypherQuery, listOrNull, pageSize, unique } from "./cypher-query";

/*
 * Lookups by id return one row `props` per id that exists, for the whole batch in one statement;
 * the store puts them back in the caller's order. Every Company, Product and Person is also an
 * :Entity, whose unique id constraint answers the lookup.
 */

export function nodesByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS props",
    params: { ids: unique(ids) },
  };
}

/** Like nodesByIdsQuery, but a node of another kind is not found. */
export function nodesOfKindByIdsQuery(kind: NodeKind, ids: readonly string[]): CypherQuery {
  return {
    cypher: "UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE n.nodeKind = $kind RETURN properties(n) AS props",
    params: { ids: unique(ids), kind },
  };
}

export function evidenceByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: "UNWIND $ids AS id MATCH (e:Evidence {id: id}) RETURN properties(e) AS props",
    params: { ids: unique(ids) },
  };
}

/** A source's properties with the derivations recorded about it (see toSource). */
function sourceProjection(variable: "s" | "n"): string {
  return `${variable} {.*, derivations: COLLECT { MATCH (d:Derivation {sourceId: ${variable}.id}) RETURN properties(d) }}`;
}

export function sourcesByIdsQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: `UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN ${sourceProjection("s")} AS props`,
    params: { ids: unique(ids) },
  };
}

/** One row `subjectId, metrics` per subject id, metrics in id order; no kinds means every kind. */
export function metricsOfQuery(subjectIds: readonly string[], kinds?: readonly string[]): CypherQuery {
  const text = cypher`
    UNWIND $ids AS subjectId
    CALL (subjectId) {
      MATCH (m:Metric {subjectId: subjectId})
      WHERE $kinds IS NULL OR m.kind IN $kinds
      WITH m ORDER BY m.id
      RETURN collect(properties(m)) AS metrics
    }
    RETURN subjectId, metrics`;
  return { cypher: text, params: { ids: unique(subjectIds), kinds: listOrNull(kinds) } };
}

/** The company filter as the predicates it actually sets, on `n`; see companyParams. */
export function companyConditions(filter: CompanyFilter): string[] {
  return [
    filter.kind ? "n.kind = $kind" : null,
    filter.country ? "n.country = $country" : null,
    // An empty id list selects nothing, as in the memory store.
    filter.ids ? "n.id IN $ids" : null,
  ].filter((condition): condition is string => condition !== null);
}

export function companyParams(filter: CompanyFilter): Params {
  return { kind: filter.kind || null, country: filter.country || null, ids: filter.ids ? [...filter.ids] : null };
}

export function listCompaniesQuery(filter: CompanyFilter, page: PageRequest): CypherQuery {
  return listNodesQuery("Company", companyConditions(filter), companyParams(filter), page);
}

export function listProductsQuery(page: PageRequest): CypherQuery {
  return listNodesQuery("Product", [], {}, page);
}

/** Labels whose records are listed a page at a time; spelled here, never from input. */
export type ListedLabel = NodeKind | "Source" | "Claim" | "Change";

/**
 * One row `totalCount, items` for the records of one label passing `where` (on `n`), items in id
 * order after the cursor. With a page size it fetches one item more, so that the store can tell
 * whether a next page exists. `kind` is spelled as a label: callers pass literals.
 */
export function listNodesQuery(
  kind: ListedLabel,
  conditions: string[],
  filterParams: Params,
  page: PageRequest,
): CypherQuery {
  const first = pageSize(page);
  const text = cypher`
    CALL () {
      MATCH (n:${kind})${whereClause(conditions)}
      RETURN count(n) AS totalCount
    }
    CALL () {
      MATCH (n:${kind})${whereClause([...conditions, idAfter("n", page.after, "after")])}
      WITH n ORDER BY n.id ${first === null ? "" : "LIMIT $limit"}
      RETURN collect(${kind === "Source" ? sourceProjection("n") : "properties(n)"}) AS items
    }
    RETURN totalCount, items`;
  const params = {
    ...filterParams,
    after: page.after || null,
    limit: first === null ? null : cypherInt(first + 1),
  };
  return { cypher: text, params };
}
