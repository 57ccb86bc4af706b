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
RETURN properties(r) AS props, type(r) AS kind, fromId, toId
