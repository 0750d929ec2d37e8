insert into login_attempts (name, ip, at, success) values (:name, :ip, :at, :success)
