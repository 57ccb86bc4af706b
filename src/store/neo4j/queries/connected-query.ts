import { type NodeKind, RELATIONSHIP_KINDS } from "../../../domain/entities";
import { cypherInt } from "../executor";
import { cypher, type CypherQuery, listOrNull } from "./cypher-query";

/**
 * Rows `props, relationships, id`: the nodes of `kinds` (every kind when empty) with the most
 * relationships of the graph's kinds, either direction, ties by id. A typed COUNT is answered from
 * each node's degree store, without reading the relationships.
 */
export function mostConnectedQuery(kinds: readonly NodeKind[], limit: number): CypherQuery {
  // Types cannot be parameters: these are the domain's fixed list, never a caller's text.
  const types = RELATIONSHIP_KINDS.join("|");
  const text = cypher`
    MATCH (n:Entity)
    WHERE $kinds IS NULL OR n.nodeKind IN $kinds
    WITH n, COUNT { (n)-[:${types}]-() } AS relationships
    ORDER BY relationships DESC, n.id ASC
    LIMIT $limit
    RETURN properties(n) AS props, relationships, n.id AS id`;
  return { cypher: text, params: { kinds: listOrNull(kinds), limit: cypherInt(limit) } };
}
