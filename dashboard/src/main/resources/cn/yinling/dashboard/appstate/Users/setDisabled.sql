update users set disabled = :disabled where id = :id
