UNWIND $ids AS nodeId
MATCH (n:Entity {id: nodeId})
CALL (n) {
  CALL (n) {
    MATCH (n)<-[r:BUYS_FROM]-(m) WHERE r.productId IN $productIds AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)) AND r.id > $after RETURN r, m
  }
  WITH r, m ORDER BY r.id LIMIT $take
  RETURN collect([[type(r), startNode(r).id, endNode(r).id, r.id, r.productId, r.amountLow, r.amountHigh, r.amountEstimate, r.amountQualifier, r.amountPeriod, r.amountCurrency, r.market, r.role, r.purpose, r.status, r.validFrom, r.validTo, r.confidence, r.evidenceIds, r.note, r.agreementClaims, r.agreementOrigins, r.agreementConflicting, r.agreementGap, r.agreementDissent, r.agreementIncomparable, r.firstReported, r.lastReported], [m.id, m.nodeKind, m.name, m.aliases, m.description, m.evidenceIds, m.country, m.kind, m.category]]) AS rows
}
WITH *, COUNT { MATCH (n)<-[r:BUYS_FROM]-(m) WHERE r.productId IN $productIds AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)) } AS totalCount
RETURN nodeId, totalCount, rows
