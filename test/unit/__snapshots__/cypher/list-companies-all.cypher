CALL () {
  MATCH (n:Company)
  WHERE ($kind IS NULL OR n.kind = $kind)
    AND ($country IS NULL OR n.country = $country)
    AND ($ids IS NULL OR n.id IN $ids)
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:Company)
  WHERE ($kind IS NULL OR n.kind = $kind)
    AND ($country IS NULL OR n.country = $country)
    AND ($ids IS NULL OR n.id IN $ids)
    AND ($after IS NULL OR n.id > $after)
  WITH n ORDER BY n.id
  RETURN collect(properties(n)) AS items
}
RETURN totalCount, items
