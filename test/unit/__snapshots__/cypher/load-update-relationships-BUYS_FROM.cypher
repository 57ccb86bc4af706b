UNWIND $rows AS row
MATCH ()-[r:BUYS_FROM {id: row.props.id}]->() USING INDEX SEEK r:BUYS_FROM(id)
SET r = row.props
