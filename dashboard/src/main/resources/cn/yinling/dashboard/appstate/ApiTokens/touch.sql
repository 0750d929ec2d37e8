update api_tokens set last_used_at = :at where id = :id
