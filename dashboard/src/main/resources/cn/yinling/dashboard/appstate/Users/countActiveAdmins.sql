select count(*) from users where role = 'admin' and disabled = 0
