insert or ignore into audit_first_seen (finding_id, version) values (:findingId, :version)
