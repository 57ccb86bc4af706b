MATCH (a:Entity {id: $fromId})
MATCH (b:Entity {id: $toId})
CALL (a, b) {
  CALL (a, b) {
    MATCH p = (a) ((x)-[r:BUYS_FROM|INVESTS_IN|TAKES_REVENUE_SHARE]-(y)
        WHERE x <> b AND y <> a
          AND ((type(r) IN $forward AND startNode(r) = x) OR (type(r) IN $backward AND endNode(r) = x))
          AND (r.status <> 'PLANNED'
            AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
            AND (r.status <> 'FORMER' OR ($asOf IS NOT NULL AND r.validTo IS NOT NULL AND r.validTo >= $asOf)))
      ){1,4} (z)
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
       any(n IN [a] + ends WHERE COUNT { (n)-[:BUYS_FROM|INVESTS_IN]->() } > $fanoutCap
                            OR COUNT { (n)<-[:TAKES_REVENUE_SHARE]-() } > $fanoutCap) AS hub
