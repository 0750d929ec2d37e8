update sessions set last_seen_at = :lastSeenAt, expires_at = :expiresAt where id_sha256 = :idSha256
