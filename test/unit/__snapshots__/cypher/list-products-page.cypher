CALL () {
  MATCH (n:Product)
  WHERE true
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:Product)
  WHERE true
    AND ($after IS NULL OR n.id > $after)
  WITH n ORDER BY n.id LIMIT $limit
  RETURN collect(properties(n)) AS items
}
RETURN totalCount, items
