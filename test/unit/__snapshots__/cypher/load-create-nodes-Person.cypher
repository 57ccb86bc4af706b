UNWIND $rows AS row CREATE (n:Entity:Person) SET n = row
