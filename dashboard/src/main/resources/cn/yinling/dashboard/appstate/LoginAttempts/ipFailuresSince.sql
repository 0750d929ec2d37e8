select count(*) from login_attempts where ip = :ip and success = 0 and at >= :since
