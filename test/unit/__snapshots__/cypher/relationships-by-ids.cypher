UNWIND $ids AS id
CALL (id) {
  MATCH (a)-[r:BUYS_FROM {id: id}]->(b) USING INDEX SEEK r:BUYS_FROM(id) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:SUBSIDIARY_OF {id: id}]->(b) USING INDEX SEEK r:SUBSIDIARY_OF(id) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:COMPETES_WITH {id: id}]->(b) USING INDEX SEEK r:COMPETES_WITH(id) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:PARTNERS_WITH {id: id}]->(b) USING INDEX SEEK r:PARTNERS_WITH(id) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:INVESTS_IN {id: id}]->(b) USING INDEX SEEK r:INVESTS_IN(id) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:TAKES_REVENUE_SHARE {id: id}]->(b) USING INDEX SEEK r:TAKES_REVENUE_SHARE(id) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:OFFERS {id: id}]->(b) USING INDEX SEEK r:OFFERS(id) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:BUILT_ON {id: id}]->(b) USING INDEX SEEK r:BUILT_ON(id) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:LEADS {id: id}]->(b) USING INDEX SEEK r:LEADS(id) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:USES_MODEL {id: id}]->(b) USING INDEX SEEK r:USES_MODEL(id) RETURN r, a.id AS fromId, b.id AS toId
}
RETURN [type(r), startNode(r).id, endNode(r).id, r.id, r.productId, r.amountLow, r.amountHigh, r.amountEstimate, r.amountQualifier, r.amountPeriod, r.amountCurrency, r.market, r.role, r.purpose, r.status, r.validFrom, r.validTo, r.confidence, r.evidenceIds, r.note, r.agreementClaims, r.agreementOrigins, r.agreementConflicting, r.agreementGap, r.agreementDissent, r.agreementIncomparable, r.firstReported, r.lastReported] AS relationship
