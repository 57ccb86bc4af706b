UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE n.nodeKind = $kind RETURN properties(n) AS props
