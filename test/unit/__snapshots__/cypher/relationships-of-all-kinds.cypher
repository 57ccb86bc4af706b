UNWIND $ids AS nodeId
CALL (nodeId) {
  MATCH (n:Entity {id: nodeId})-[r:BUYS_FROM|SUBSIDIARY_OF|COMPETES_WITH|PARTNERS_WITH|INVESTS_IN|TAKES_REVENUE_SHARE|OFFERS|BUILT_ON|LEADS|USES_MODEL]-(m)
  WHERE ($direction = 'BOTH' OR type(r) IN $symmetric
         OR ($direction = 'OUT' AND startNode(r) = n)
         OR ($direction = 'IN' AND endNode(r) = n))
    AND ($counterpartIds IS NULL OR m.id IN $counterpartIds)
    AND ($productIds IS NULL OR r.productId IN $productIds)
    AND ($statuses IS NULL OR r.status IN $statuses)
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
  WITH r, m ORDER BY r.id
  RETURN collect({r: r, m: m}) AS rows
}
WITH nodeId, rows, [x IN rows WHERE $after IS NULL OR x.r.id > $after] AS rest
WITH nodeId, size(rows) AS totalCount, rest,
     CASE WHEN $first IS NULL THEN rest ELSE rest[0..$first] END AS pageRows
WITH *, [] AS neighbours
RETURN nodeId, totalCount, size(pageRows) < size(rest) AS hasNextPage,
       [r IN [x IN pageRows | x.r] | {props: properties(r), kind: type(r), fromId: startNode(r).id, toId: endNode(r).id}] AS items, neighbours
