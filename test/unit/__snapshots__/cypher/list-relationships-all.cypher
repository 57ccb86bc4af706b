CALL () {
  MATCH (a)-[r:BUYS_FROM|SUBSIDIARY_OF|COMPETES_WITH|PARTNERS_WITH|INVESTS_IN|TAKES_REVENUE_SHARE|OFFERS|BUILT_ON|LEADS|USES_MODEL]->(b)
  WHERE ($counterpartIds IS NULL OR a.id IN $counterpartIds OR b.id IN $counterpartIds)
    AND ($productIds IS NULL OR r.productId IN $productIds)
    AND ($statuses IS NULL OR r.status IN $statuses)
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
  RETURN count(r) AS totalCount
}
CALL () {
  MATCH (a)-[r:BUYS_FROM|SUBSIDIARY_OF|COMPETES_WITH|PARTNERS_WITH|INVESTS_IN|TAKES_REVENUE_SHARE|OFFERS|BUILT_ON|LEADS|USES_MODEL]->(b)
  WHERE ($counterpartIds IS NULL OR a.id IN $counterpartIds OR b.id IN $counterpartIds)
    AND ($productIds IS NULL OR r.productId IN $productIds)
    AND ($statuses IS NULL OR r.status IN $statuses)
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
    AND ($after IS NULL OR r.id > $after)
  WITH r ORDER BY r.id
  RETURN collect({props: properties(r), kind: type(r), fromId: startNode(r).id, toId: endNode(r).id}) AS items
}
RETURN totalCount, items
