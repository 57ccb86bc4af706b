UNWIND $ids AS subjectId
CALL (subjectId) {
  MATCH (m:Metric {subjectId: subjectId})
  WHERE $kinds IS NULL OR m.kind IN $kinds
  WITH m ORDER BY m.id
  RETURN collect(properties(m)) AS metrics
}
RETURN subjectId, metrics
