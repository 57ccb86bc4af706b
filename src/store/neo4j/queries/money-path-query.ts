import { DomainError } from "../../../domain/errors";
import { MONEY_AGAINST_ARROW, MONEY_WITH_ARROW } from "../../../domain/money-flow";
import type { MoneyPathQuery } from "../../graph-store";
import { IN_FORCE, PATH_QUANTIFIERS, typePattern } from "../cypher-rules";
import { cypherInt } from "../executor";
import { cypher, type CypherQuery } from "./cypher-query";

/**
 * The money-path search as one statement; one row `walks, found, hub`, or none when an end is
 * unknown. `q.maxDepth` must already be within PATH_DEPTH (it selects the path quantifier) and
 * `q.limit` a whole number.
 *
 * One quantified path pattern walks every trail in money direction; the node-uniqueness check keeps
 * the simple ones. Prefixes that stop short of `b` are counted (and their ends checked for hubs)
 * because a level-by-level walk would hold them too: past `limit` of them (`walks`), or at a hub
 * (`hub`), the store answers "incomplete" and the caller walks itself, so that caps apply exactly as
 * they would there. `found` holds the relationship ids of each path that reaches `b`.
 */
export function moneyPathsQuery(q: MoneyPathQuery): CypherQuery {
  const quantifier = PATH_QUANTIFIERS.get(q.maxDepth);
  if (quantifier === undefined) throw new DomainError("INTERNAL", `no path quantifier for depth ${q.maxDepth}`);
  const moneyTypes = typePattern([...MONEY_WITH_ARROW, ...MONEY_AGAINST_ARROW]);
  const text = cypher`
    MATCH (a:Entity {id: $fromId})
    MATCH (b:Entity {id: $toId})
    CALL (a, b) {
      CALL (a, b) {
        MATCH p = (a) ((x)-[r:${moneyTypes}]-(y)
            WHERE x <> b AND y <> a
              AND ((type(r) IN $forward AND startNode(r) = x) OR (type(r) IN $backward AND endNode(r) = x))
              AND ${IN_FORCE}
          )${quantifier} (z)
        WITH p, z, nodes(p) AS ns
        WHERE (z = b OR length(p) < $maxDepth)
          AND all(i IN range(1, size(ns) - 1) WHERE NOT ns[i] IN ns[0..i])
        RETURN p, z
        LIMIT $take
      }
      RETURN count(p) AS walks,
             collect(CASE WHEN z = b THEN [r IN relationships(p) | r.id] END) AS found,
             collect(DISTINCT CASE WHEN z <> b THEN z END) AS ends
    }
    RETURN walks, found,
           any(n IN [a] + ends WHERE COUNT { (n)-[:${typePattern(MONEY_WITH_ARROW)}]->() } > $fanoutCap
                                OR COUNT { (n)<-[:${typePattern(MONEY_AGAINST_ARROW)}]-() } > $fanoutCap) AS hub`;
  const params = {
    fromId: q.fromId,
    toId: q.toId,
    maxDepth: cypherInt(q.maxDepth),
    asOf: q.asOf || null,
    forward: [...MONEY_WITH_ARROW],
    backward: [...MONEY_AGAINST_ARROW],
    // One walk more than the limit tells "exactly at the limit" from "past it".
    take: cypherInt(q.limit + 1),
    fanoutCap: cypherInt(q.fanoutCap),
  };
  return { cypher: text, params };
}
