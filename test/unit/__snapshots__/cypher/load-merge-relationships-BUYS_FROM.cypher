UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:BUYS_FROM {id: row.props.id}]->(b)
SET r = row.props
RETURN count(r) AS written
