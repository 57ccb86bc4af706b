import type { NodeKind } from "../../../domain/entities";
import { cypherInt } from "../executor";
import { cypher, type CypherQuery, listOrNull } from "./cypher-query";

/**
 * Rows `props, score, matched, sortName, id`, best first, for nodes whose name or an alias contains
 * `normalizedText` (already through normalizeText, and not empty). The scores and the matched key
 * are those of bestMatch: exact 3, prefix 2, word prefix 1.5, substring 1; aliases x0.9. No kinds
 * means every kind. The text index on `searchText` answers the CONTAINS.
 */
export function searchQuery(normalizedText: string, kinds: readonly NodeKind[], limit: number): CypherQuery {
  const text = cypher`
    MATCH (n:Entity)
    WHERE n.searchText CONTAINS $q AND ($kinds IS NULL OR n.nodeKind IN $kinds)
    WITH n, n.searchKeys AS keys
    WITH n, keys, [i IN range(0, size(keys) - 1) |
      (CASE
         WHEN keys[i] = $q THEN 3.0
         WHEN keys[i] STARTS WITH $q THEN 2.0
         WHEN keys[i] CONTAINS $wordQ THEN 1.5
         WHEN keys[i] CONTAINS $q THEN 1.0
         ELSE 0.0
       END) * (CASE WHEN i = 0 THEN 1.0 ELSE 0.9 END)] AS scores
    WITH n, keys, scores, reduce(best = 0.0, s IN scores | CASE WHEN s > best THEN s ELSE best END) AS score
    WHERE score > 0
    RETURN properties(n) AS props, score, head([i IN range(0, size(keys) - 1) WHERE scores[i] = score | keys[i]]) AS matched,
           keys[0] AS sortName, n.id AS id
    ORDER BY score DESC, sortName ASC, id ASC
    LIMIT $limit`;
  const params = {
    q: normalizedText,
    // A word prefix: the text right after a space inside a key.
    wordQ: ` ${normalizedText}`,
    kinds: listOrNull(kinds),
    limit: cypherInt(limit),
  };
  return { cypher: text, params };
}
