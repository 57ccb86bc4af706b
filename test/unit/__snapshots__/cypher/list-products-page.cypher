CALL () {
  MATCH (n:Product)
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:Product) WHERE n.id IS NOT NULL
  WITH n ORDER BY n.id LIMIT $limit
  RETURN collect(properties(n)) AS items
}
RETURN totalCount, items
