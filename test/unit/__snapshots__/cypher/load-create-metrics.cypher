UNWIND $rows AS row CREATE (m:Metric) SET m = row
