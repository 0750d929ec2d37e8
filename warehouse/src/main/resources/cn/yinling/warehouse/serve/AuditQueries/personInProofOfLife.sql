SELECT EXISTS (SELECT 1 FROM mart_proof_of_life WHERE person_key = :personKey)
