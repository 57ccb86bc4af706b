MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted
