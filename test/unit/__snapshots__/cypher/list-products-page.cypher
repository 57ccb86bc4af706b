CALL () {
  MATCH (n:Product)
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:Product) WHERE ($after IS NULL OR n.id > $after)
  WITH n ORDER BY n.id LIMIT $limit
  RETURN collect(properties(n)) AS items
}
RETURN totalCount, items
