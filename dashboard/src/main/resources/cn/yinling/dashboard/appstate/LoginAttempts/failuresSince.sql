-- Failures of one account name since :since and since its last successful login.
select count(*)
from login_attempts
where name = :name
  and success = 0
  and at >= :since
  and at > coalesce((select max(at) from login_attempts where name = :name and success = 1), 0)
