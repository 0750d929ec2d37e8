select finding_id, version from audit_first_seen where finding_id in (<ids>)
