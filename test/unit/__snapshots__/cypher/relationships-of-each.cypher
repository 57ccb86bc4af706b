CALL () {
  UNWIND $read0_ids AS nodeId
  MATCH (n:Entity {id: nodeId})
  CALL (n) {
    CALL (n) {
      MATCH (n)-[r:SUBSIDIARY_OF]->(m) RETURN r, m
      UNION ALL
      MATCH (n)-[r:COMPETES_WITH]-(m) RETURN r, m
    }
    WITH r, m ORDER BY r.id LIMIT $read0_take
    RETURN collect([[type(r), startNode(r).id, endNode(r).id, r.id, r.productId, r.amountLow, r.amountHigh, r.amountEstimate, r.amountQualifier, r.amountPeriod, r.amountCurrency, r.market, r.role, r.purpose, r.status, r.validFrom, r.validTo, r.confidence, r.evidenceIds, r.note, r.agreementClaims, r.agreementOrigins, r.agreementConflicting, r.agreementGap, r.agreementDissent, r.agreementIncomparable, r.firstReported, r.lastReported], null]) AS rows
  }
  WITH *, COUNT { MATCH (n)-[r:SUBSIDIARY_OF]->(m) } + COUNT { MATCH (n)-[r:COMPETES_WITH]-(m) } AS totalCount
  RETURN collect([nodeId, totalCount, rows]) AS read0
}
CALL () {
  UNWIND $read1_ids AS nodeId
  MATCH (n:Entity {id: nodeId})
  CALL (n) {
    CALL (n) {
      MATCH (n)<-[r:OFFERS]-(m) WHERE ((r.validFrom IS NULL OR r.validFrom <= $read1_asOf) AND (r.validTo IS NULL OR r.validTo >= $read1_asOf)) RETURN r, m
    }
    WITH r, m ORDER BY r.id LIMIT $read1_take
    RETURN collect([[type(r), startNode(r).id, endNode(r).id, r.id, r.productId, r.amountLow, r.amountHigh, r.amountEstimate, r.amountQualifier, r.amountPeriod, r.amountCurrency, r.market, r.role, r.purpose, r.status, r.validFrom, r.validTo, r.confidence, r.evidenceIds, r.note, r.agreementClaims, r.agreementOrigins, r.agreementConflicting, r.agreementGap, r.agreementDissent, r.agreementIncomparable, r.firstReported, r.lastReported], [m.id, m.nodeKind, m.name, m.aliases, m.description, m.evidenceIds, m.country, m.kind, m.category]]) AS rows
  }
  WITH *, COUNT { MATCH (n)<-[r:OFFERS]-(m) WHERE ((r.validFrom IS NULL OR r.validFrom <= $read1_asOf) AND (r.validTo IS NULL OR r.validTo >= $read1_asOf)) } AS totalCount
  RETURN collect([nodeId, totalCount, rows]) AS read1
}
RETURN read0, read1
