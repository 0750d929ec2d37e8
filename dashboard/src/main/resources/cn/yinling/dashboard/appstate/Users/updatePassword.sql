update users
set password_hash = :passwordHash, must_change_password = :mustChangePassword, password_changed_at = :changedAt
where id = :id
