SELECT EXISTS (SELECT 1 FROM audit_finding WHERE person_key = :personKey)
