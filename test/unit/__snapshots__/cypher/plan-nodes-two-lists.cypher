CALL () {
  UNWIND $rootIds AS rootId
  MATCH (n:Entity {id: rootId})
  CALL (n) {
    CALL (n) {
      CALL (n) {
        MATCH (n)<-[r:BUYS_FROM]-(m) RETURN r, m
      }
      WITH r, m ORDER BY r.id LIMIT $l0_take
      RETURN collect([[startNode(r) = n, null, r.id, r.amountLow, r.amountHigh, r.amountEstimate, r.amountQualifier, r.amountPeriod, r.amountCurrency], m.id, m]) AS rows
    }
    WITH *, COUNT { MATCH (n)<-[r:BUYS_FROM]-(m) } AS totalCount
    CALL (rows) {
      UNWIND rows[..$l0_take - 1] AS x
      WITH DISTINCT x[2] AS n
      CALL (n) {
        CALL (n) {
          CALL (n) {
            MATCH (n)-[r:BUYS_FROM]->(m) WHERE ((r.validFrom IS NULL OR r.validFrom <= $l0_0_asOf) AND (r.validTo IS NULL OR r.validTo >= $l0_0_asOf)) RETURN r, m
          }
          WITH r, m ORDER BY r.id LIMIT $l0_0_take
          RETURN collect([[startNode(r) = n, null, r.id, r.amountLow, r.amountHigh, r.amountEstimate, r.amountQualifier, r.amountPeriod, r.amountCurrency], m.id, m]) AS rows
        }
        WITH *, null AS totalCount
        WITH *, [] AS nested
        RETURN [totalCount, [x IN rows | [x[0], x[1]]], nested] AS l0_0
      }
      RETURN collect([n.id, [l0_0]]) AS nested
    }
    RETURN [totalCount, [x IN rows | [x[0], x[1]]], nested] AS l0
  }
  CALL (n) {
    CALL (n) {
      CALL (n) {
        MATCH (n)-[r:COMPETES_WITH]-(m) RETURN r, m
      }
      WITH r, m ORDER BY r.id
      RETURN collect([[startNode(r) = n, null, r.id, r.productId, r.amountLow, r.amountHigh, r.amountEstimate, r.amountQualifier, r.amountPeriod, r.amountCurrency, r.market, r.role, r.purpose, r.status, r.validFrom, r.validTo, r.confidence, r.evidenceIds, r.note, r.agreementClaims, r.agreementOrigins, r.agreementConflicting, r.agreementGap, r.agreementDissent, r.agreementIncomparable, r.firstReported, r.lastReported], m.id, m]) AS rows
    }
    WITH *, COUNT { MATCH (n)-[r:COMPETES_WITH]-(m) } AS totalCount
    WITH *, [] AS nested
    RETURN [totalCount, [x IN rows | [x[0], x[1]]], nested] AS l1
  }
  RETURN collect([[n.id, n.nodeKind, n.name, n.aliases, n.description, n.evidenceIds, n.country, n.kind, n.category], [l0, l1]]) AS rootRows
}
WITH size(rootRows) AS rootTotal, rootRows
WITH rootTotal, rootRows, reduce(ids0 = [], c0 IN rootRows | ids0 + [x0 IN c0[1][0][1] | x0[1]]) + reduce(ids1 = [], c1 IN reduce(ids0 = [], c0 IN rootRows | ids0 + c0[1][0][2]) | ids1 + [x1 IN c1[1][0][1] | x1[1]]) + reduce(ids0 = [], c0 IN rootRows | ids0 + [x0 IN c0[1][1][1] | x0[1]]) AS otherIds
CALL (rootTotal, rootRows, otherIds) {
  RETURN [0, rootTotal] AS part
  UNION ALL
  UNWIND rootRows AS rootRow
  RETURN [1, rootRow] AS part
  UNION ALL
  UNWIND otherIds AS otherId
  WITH DISTINCT otherId
  MATCH (m:Entity {id: otherId})
  WITH collect([m.id, m.nodeKind, m.name, m.aliases, m.description, m.evidenceIds, m.country, m.kind, m.category]) AS nodes
  UNWIND range(0, size(nodes) - 1, $nodesPerRecord) AS start
  RETURN [2, nodes[start..start + $nodesPerRecord]] AS part
}
RETURN part
