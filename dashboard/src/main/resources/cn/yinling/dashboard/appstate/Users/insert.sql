insert into users (name, role, unit, password_hash, must_change_password, disabled, created_at)
values (:name, :role, :unit, :passwordHash, :mustChangePassword, 0, :createdAt)
returning id
