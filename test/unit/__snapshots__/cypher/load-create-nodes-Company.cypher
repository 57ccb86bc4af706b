UNWIND $rows AS row CREATE (n:Entity:Company) SET n = row
