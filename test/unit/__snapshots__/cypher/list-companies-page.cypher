CALL () {
  MATCH (n:Company) WHERE n.kind = $kind AND n.country = $country AND n.id IN $ids
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:Company) WHERE n.kind = $kind AND n.country = $country AND n.id IN $ids AND n.id > $after
  WITH n ORDER BY n.id LIMIT $limit
  RETURN collect(properties(n)) AS items
}
RETURN totalCount, items
