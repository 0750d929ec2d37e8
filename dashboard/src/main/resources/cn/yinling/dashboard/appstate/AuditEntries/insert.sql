insert into audit_log (at, actor, role, action, target, detail, outcome, ip)
values (:at, :actor, :role, :action, :target, :detail, :outcome, :ip)
