UNWIND $ids AS nodeId
MATCH (n:Entity {id: nodeId})
CALL (n) {
  CALL (n) {
    MATCH (n)<-[r:BUYS_FROM]-(m) WHERE r.productId IN $productIds AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)) AND r.id > $after RETURN r, m
  }
  WITH r, m ORDER BY r.id LIMIT $take
  RETURN collect({r: r, m: m}) AS rows
}
WITH *, COUNT { MATCH (n)<-[r:BUYS_FROM]-(m) WHERE r.productId IN $productIds AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)) } AS totalCount
RETURN nodeId, totalCount, [x IN rows | {relationship: {props: properties(x.r), kind: type(x.r), fromId: startNode(x.r).id, toId: endNode(x.r).id}, other: properties(x.m)}] AS rows
