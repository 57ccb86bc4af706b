UNWIND $rows AS row
CALL (row) {
  MATCH (a)-[r:BUYS_FROM {id: row.id}]->(b) USING INDEX SEEK r:BUYS_FROM(id) RETURN r, a.id AS fromId, b.id AS toId
  UNION ALL
  MATCH (a)-[r:OFFERS {id: row.id}]->(b) USING INDEX SEEK r:OFFERS(id) RETURN r, a.id AS fromId, b.id AS toId
}
WITH row, r, type(r) = row.kind AND fromId = row.from AND toId = row.to AS kept
CALL (r, kept) {
  WITH r WHERE NOT kept
  DELETE r
}
WITH row, kept WHERE kept
RETURN row.id AS id
