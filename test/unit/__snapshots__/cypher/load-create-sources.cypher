UNWIND $rows AS row CREATE (s:Source) SET s = row
