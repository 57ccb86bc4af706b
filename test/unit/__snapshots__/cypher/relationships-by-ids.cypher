UNWIND $ids AS id
CALL (id) {
  MATCH (a)-[r:BUYS_FROM {id: id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:SUBSIDIARY_OF {id: id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:COMPETES_WITH {id: id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:PARTNERS_WITH {id: id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:INVESTS_IN {id: id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:TAKES_REVENUE_SHARE {id: id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:OFFERS {id: id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:BUILT_ON {id: id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:LEADS {id: id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:USES_MODEL {id: id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
}
RETURN [type(r), startNode(r).id, endNode(r).id, r.id, r.productId, r.amountLow, r.amountHigh, r.amountEstimate, r.amountQualifier, r.amountPeriod, r.amountCurrency, r.market, r.role, r.purpose, r.status, r.validFrom, r.validTo, r.confidence, r.evidenceIds, r.note, r.agreementClaims, r.agreementOrigins, r.agreementConflicting, r.agreementGap, r.agreementDissent, r.agreementIncomparable, r.firstReported, r.lastReported] AS relationship
