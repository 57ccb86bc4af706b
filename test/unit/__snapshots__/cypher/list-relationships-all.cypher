CALL () {
  MATCH (a)-[r:BUYS_FROM|SUBSIDIARY_OF|COMPETES_WITH|PARTNERS_WITH|INVESTS_IN|TAKES_REVENUE_SHARE|OFFERS|BUILT_ON|LEADS|USES_MODEL]->(b)
  RETURN count(r) AS totalCount
}
CALL () {
  MATCH (a)-[r:BUYS_FROM|SUBSIDIARY_OF|COMPETES_WITH|PARTNERS_WITH|INVESTS_IN|TAKES_REVENUE_SHARE|OFFERS|BUILT_ON|LEADS|USES_MODEL]->(b) WHERE ($after IS NULL OR r.id > $after)
  WITH r ORDER BY r.id
  RETURN collect({props: properties(r), kind: type(r), fromId: startNode(r).id, toId: endNode(r).id}) AS items
}
RETURN totalCount, items
