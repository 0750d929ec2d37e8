delete from sessions where user_id = :userId
