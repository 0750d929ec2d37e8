insert or ignore into audit_reveals (session_sha256, person_key, revealed_at)
values (:sessionSha256, :personKey, :revealedAt)
