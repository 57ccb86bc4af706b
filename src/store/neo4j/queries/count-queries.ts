import { RELATIONSHIP_KINDS } from "../../../domain/entities";
import { cypher, type CypherQuery } from "./cypher-query";

/**
 * One row with the number of each kind of record. Every count is of a single label or a single
 * relationship type, which Neo4j answers from its count store without touching the data; the
 * relationships are therefore counted per type and summed.
 */
export function countsQuery(): CypherQuery {
  const relationshipCounts = RELATIONSHIP_KINDS.map((kind) => `MATCH ()-[r:${kind}]->() RETURN count(r) AS c`).join(
    "\nUNION ALL\n",
  );
  const text = cypher`
    CALL () { MATCH (n:Company) RETURN count(n) AS companies }
    CALL () { MATCH (n:Product) RETURN count(n) AS products }
    CALL () { MATCH (n:Person) RETURN count(n) AS people }
    CALL () { MATCH (n:Source) RETURN count(n) AS sources }
    CALL () { MATCH (n:Evidence) RETURN count(n) AS evidence }
    CALL () { MATCH (n:Metric) RETURN count(n) AS metrics }
    CALL () { MATCH (n:Claim) RETURN count(n) AS claims }
    CALL () {
      CALL () {
        ${relationshipCounts}
      }
      RETURN sum(c) AS relationships
    }
    RETURN companies, products, people, sources, evidence, relationships, claims, metrics`;
  return { cypher: text, params: {} };
}

/** One row `nodes`: every node of whatever label, from the count store. */
export function allNodesCountQuery(): CypherQuery {
  return { cypher: "MATCH (n) RETURN count(n) AS nodes", params: {} };
}
