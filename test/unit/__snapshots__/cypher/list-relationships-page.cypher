CALL () {
  MATCH (a)-[r:BUYS_FROM|INVESTS_IN]->(b) WHERE (a.id IN $counterpartIds OR b.id IN $counterpartIds) AND r.status IN $statuses AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf))
  RETURN count(r) AS totalCount
}
CALL () {
  MATCH (a)-[r:BUYS_FROM|INVESTS_IN]->(b) WHERE (a.id IN $counterpartIds OR b.id IN $counterpartIds) AND r.status IN $statuses AND ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)) AND r.id > $after
  WITH r ORDER BY r.id LIMIT $limit
  RETURN collect({props: properties(r), kind: type(r), fromId: startNode(r).id, toId: endNode(r).id}) AS items
}
RETURN totalCount, items
