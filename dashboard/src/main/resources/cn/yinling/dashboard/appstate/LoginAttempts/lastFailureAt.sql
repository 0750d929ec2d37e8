select max(at) from login_attempts where name = :name and success = 0
