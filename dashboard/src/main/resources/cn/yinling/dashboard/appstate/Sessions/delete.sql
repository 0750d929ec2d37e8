delete from sessions where id_sha256 = :idSha256
