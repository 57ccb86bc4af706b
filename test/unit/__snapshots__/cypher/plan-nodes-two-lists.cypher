CALL () {
  UNWIND $rootIds AS rootId
  MATCH (n:Entity {id: rootId})
  CALL (n) {
    CALL (n) {
      CALL (n) {
        MATCH (n)<-[r:BUYS_FROM]-(m) RETURN r, m
      }
      WITH r, m ORDER BY r.id LIMIT $l0_take
      RETURN collect({r: r, m: m}) AS rows
    }
    WITH *, COUNT { MATCH (n)<-[r:BUYS_FROM]-(m) } AS totalCount
    CALL (rows) {
      UNWIND rows AS x
      WITH DISTINCT x.m AS n
      CALL (n) {
        CALL (n) {
          CALL (n) {
            MATCH (n)-[r:BUYS_FROM]->(m) WHERE ((r.validFrom IS NULL OR r.validFrom <= $l0_0_asOf) AND (r.validTo IS NULL OR r.validTo >= $l0_0_asOf)) RETURN r, m
          }
          WITH r, m ORDER BY r.id LIMIT $l0_0_take
          RETURN collect({r: r, m: m}) AS rows
        }
        WITH *, COUNT { MATCH (n)-[r:BUYS_FROM]->(m) WHERE ((r.validFrom IS NULL OR r.validFrom <= $l0_0_asOf) AND (r.validTo IS NULL OR r.validTo >= $l0_0_asOf)) } AS totalCount
        WITH *, [] AS nested
        RETURN {totalCount: totalCount, rows: [x IN rows | {relationship: {props: properties(x.r), kind: type(x.r), fromId: startNode(x.r).id, toId: endNode(x.r).id}, other: properties(x.m)}], nested: nested} AS l0_0
      }
      RETURN collect({id: n.id, lists: [l0_0]}) AS nested
    }
    RETURN {totalCount: totalCount, rows: [x IN rows | {relationship: {props: properties(x.r), kind: type(x.r), fromId: startNode(x.r).id, toId: endNode(x.r).id}, other: properties(x.m)}], nested: nested} AS l0
  }
  CALL (n) {
    CALL (n) {
      CALL (n) {
        MATCH (n)-[r:COMPETES_WITH]-(m) RETURN r, m
      }
      WITH r, m ORDER BY r.id
      RETURN collect({r: r, m: m}) AS rows
    }
    WITH *, COUNT { MATCH (n)-[r:COMPETES_WITH]-(m) } AS totalCount
    WITH *, [] AS nested
    RETURN {totalCount: totalCount, rows: [x IN rows | {relationship: {props: properties(x.r), kind: type(x.r), fromId: startNode(x.r).id, toId: endNode(x.r).id}, other: properties(x.m)}], nested: nested} AS l1
  }
  RETURN collect({node: properties(n), lists: [l0, l1]}) AS rootRows
}
RETURN size(rootRows) AS rootTotal, rootRows
