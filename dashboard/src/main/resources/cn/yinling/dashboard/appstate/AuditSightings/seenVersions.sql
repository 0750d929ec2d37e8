select version from audit_seen_versions order by version
