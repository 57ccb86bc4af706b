UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row REMOVE n:Company:Product SET n:Person
