select id, unit, token_sha256, created_at, created_by, revoked_at, revoked_by, last_used_at
from api_tokens
order by unit, id
