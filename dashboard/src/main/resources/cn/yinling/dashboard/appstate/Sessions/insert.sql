insert into sessions (id_sha256, user_id, csrf_token, created_at, last_seen_at, expires_at, ip)
values (:idSha256, :userId, :csrfToken, :createdAt, :createdAt, :expiresAt, :ip)
