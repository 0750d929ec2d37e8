select id, unit, token_sha256, created_at, created_by, revoked_at, revoked_by, last_used_at
from api_tokens
where token_sha256 = :tokenSha256
  and revoked_at is null
