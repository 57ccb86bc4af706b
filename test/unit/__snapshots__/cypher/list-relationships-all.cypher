CALL () {
  MATCH (a)-[r:BUYS_FROM|SUBSIDIARY_OF|COMPETES_WITH|PARTNERS_WITH|INVESTS_IN|TAKES_REVENUE_SHARE|OFFERS|BUILT_ON|LEADS|USES_MODEL]->(b)
  RETURN count(r) AS totalCount
}
CALL () {
  MATCH (a)-[r:BUYS_FROM|SUBSIDIARY_OF|COMPETES_WITH|PARTNERS_WITH|INVESTS_IN|TAKES_REVENUE_SHARE|OFFERS|BUILT_ON|LEADS|USES_MODEL]->(b) WHERE r.id IS NOT NULL
  WITH r ORDER BY r.id
  RETURN collect([type(r), startNode(r).id, endNode(r).id, r.id, r.productId, r.amountLow, r.amountHigh, r.amountEstimate, r.amountQualifier, r.amountPeriod, r.amountCurrency, r.market, r.role, r.purpose, r.status, r.validFrom, r.validTo, r.confidence, r.evidenceIds, r.note, r.agreementClaims, r.agreementOrigins, r.agreementConflicting, r.agreementGap, r.agreementDissent, r.agreementIncomparable, r.firstReported, r.lastReported]) AS items
}
RETURN totalCount, items
