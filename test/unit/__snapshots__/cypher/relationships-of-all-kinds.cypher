UNWIND $ids AS nodeId
MATCH (n:Entity {id: nodeId})
CALL (n) {
  CALL (n) {
    MATCH (n)-[r:BUYS_FROM|SUBSIDIARY_OF|COMPETES_WITH|PARTNERS_WITH|INVESTS_IN|TAKES_REVENUE_SHARE|OFFERS|BUILT_ON|LEADS|USES_MODEL]-(m) RETURN r, m
  }
  WITH r, m ORDER BY r.id
  RETURN collect({r: r, m: m}) AS rows
}
WITH *, COUNT { MATCH (n)-[r:BUYS_FROM|SUBSIDIARY_OF|COMPETES_WITH|PARTNERS_WITH|INVESTS_IN|TAKES_REVENUE_SHARE|OFFERS|BUILT_ON|LEADS|USES_MODEL]-(m) } AS totalCount
RETURN nodeId, totalCount, [x IN rows | {relationship: {props: properties(x.r), kind: type(x.r), fromId: startNode(x.r).id, toId: endNode(x.r).id}, other: null}] AS rows
