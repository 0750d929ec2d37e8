select person_key from audit_reveals where session_sha256 = :sessionSha256
