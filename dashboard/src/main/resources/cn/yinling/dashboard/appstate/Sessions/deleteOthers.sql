delete from sessions where user_id = :userId and id_sha256 <> :keepIdSha256
