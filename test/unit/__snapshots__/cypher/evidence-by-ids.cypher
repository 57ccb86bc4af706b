UNWIND $ids AS id MATCH (e:Evidence {id: id}) RETURN properties(e) AS props
