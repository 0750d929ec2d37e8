insert or ignore into audit_seen_versions (version, seen_at) values (:version, :seenAt)
