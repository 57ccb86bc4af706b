UNWIND $rows AS row
CALL (row) {
  MATCH (a)-[r:BUYS_FROM {id: row.id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:SUBSIDIARY_OF {id: row.id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:COMPETES_WITH {id: row.id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:PARTNERS_WITH {id: row.id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:INVESTS_IN {id: row.id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:TAKES_REVENUE_SHARE {id: row.id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:OFFERS {id: row.id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:BUILT_ON {id: row.id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:LEADS {id: row.id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:USES_MODEL {id: row.id}]->(b) RETURN r, a.id AS fromId, b.id AS toId
}
WITH row, r, fromId, toId
WHERE type(r) <> row.kind OR fromId <> row.from OR toId <> row.to
DELETE r
