update api_tokens
set revoked_at = :at, revoked_by = :by
where unit = :unit
  and revoked_at is null
