CALL () {
  MATCH (n:Company)
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:Company) WHERE n.id IS NOT NULL
  WITH n ORDER BY n.id
  RETURN collect(properties(n)) AS items
}
RETURN totalCount, items
