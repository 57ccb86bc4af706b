CALL () { MATCH (n:Company) RETURN count(n) AS companies }
CALL () { MATCH (n:Product) RETURN count(n) AS products }
CALL () { MATCH (n:Person) RETURN count(n) AS people }
CALL () { MATCH (n:Source) RETURN count(n) AS sources }
CALL () { MATCH (n:Evidence) RETURN count(n) AS evidence }
CALL () { MATCH (n:Metric) RETURN count(n) AS metrics }
CALL () { MATCH (n:Claim) RETURN count(n) AS claims }
CALL () {
  CALL () {
    MATCH ()-[r:BUYS_FROM]->() RETURN count(r) AS c
    UNION ALL
    MATCH ()-[r:SUBSIDIARY_OF]->() RETURN count(r) AS c
    UNION ALL
    MATCH ()-[r:COMPETES_WITH]->() RETURN count(r) AS c
    UNION ALL
    MATCH ()-[r:PARTNERS_WITH]->() RETURN count(r) AS c
    UNION ALL
    MATCH ()-[r:INVESTS_IN]->() RETURN count(r) AS c
    UNION ALL
    MATCH ()-[r:TAKES_REVENUE_SHARE]->() RETURN count(r) AS c
    UNION ALL
    MATCH ()-[r:OFFERS]->() RETURN count(r) AS c
    UNION ALL
    MATCH ()-[r:BUILT_ON]->() RETURN count(r) AS c
    UNION ALL
    MATCH ()-[r:LEADS]->() RETURN count(r) AS c
    UNION ALL
    MATCH ()-[r:USES_MODEL]->() RETURN count(r) AS c
  }
  RETURN sum(c) AS relationships
}
RETURN companies, products, people, sources, evidence, relationships, claims, metrics
