UNWIND $rows AS row CREATE (e:Evidence) SET e = row
