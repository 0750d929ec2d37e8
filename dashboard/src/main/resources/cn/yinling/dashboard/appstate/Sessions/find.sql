select id_sha256, user_id, csrf_token, created_at, last_seen_at, expires_at, ip
from sessions
where id_sha256 = :idSha256
