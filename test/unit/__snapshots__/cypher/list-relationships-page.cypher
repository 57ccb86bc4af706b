CALL () {
  MATCH (a)-[r:BUYS_FROM|INVESTS_IN]->(b) WHERE (a.id IN $counterpartIds OR b.id IN $counterpartIds) AND r.status IN $statuses AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf))
  RETURN count(r) AS totalCount
}
CALL () {
  MATCH (a)-[r:BUYS_FROM|INVESTS_IN]->(b) WHERE (a.id IN $counterpartIds OR b.id IN $counterpartIds) AND r.status IN $statuses AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)) AND r.id > $after
  WITH r ORDER BY r.id LIMIT $limit
  RETURN collect([type(r), startNode(r).id, endNode(r).id, r.id, r.productId, r.amountLow, r.amountHigh, r.amountEstimate, r.amountQualifier, r.amountPeriod, r.amountCurrency, r.market, r.role, r.purpose, r.status, r.validFrom, r.validTo, r.confidence, r.evidenceIds, r.note, r.agreementClaims, r.agreementOrigins, r.agreementConflicting, r.agreementGap, r.agreementDissent, r.agreementIncomparable, r.firstReported, r.lastReported]) AS items
}
RETURN totalCount, items
