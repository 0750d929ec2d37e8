select id, name, role, unit, password_hash, must_change_password, disabled, created_at, password_changed_at
from users
order by role, unit, name
