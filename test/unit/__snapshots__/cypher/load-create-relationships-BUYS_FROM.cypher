UNWIND $rows AS row
MATCH (a:Entity {id: row.from}) USING INDEX SEEK a:Entity(id)
MATCH (b:Entity {id: row.to}) USING INDEX SEEK b:Entity(id)
CREATE (a)-[r:BUYS_FROM]->(b)
SET r = row.props
RETURN count(r) AS written
