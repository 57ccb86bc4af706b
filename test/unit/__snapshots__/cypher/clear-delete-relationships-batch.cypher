MATCH ()-[r]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS deleted
