UNWIND $rows AS row CREATE (n:Entity:Product) SET n = row
