UNWIND $rows AS row MERGE (m:Metric {id: row.id}) SET m = row
