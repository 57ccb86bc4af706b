UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s {.*, derivations: COLLECT { MATCH (d:Derivation {sourceId: s.id}) RETURN properties(d) }} AS props
