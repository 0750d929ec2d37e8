insert into api_tokens (unit, token_sha256, created_at, created_by)
values (:unit, :tokenSha256, :createdAt, :createdBy)
returning id
