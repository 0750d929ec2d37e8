-- The newest mark of each finding asked for.
select m.id, m.finding_id, m.status, m.comment, m.marked_by, m.marked_at, m.version
from audit_marks m
where m.finding_id in (<ids>)
  and m.id = (select max(n.id) from audit_marks n where n.finding_id = m.finding_id)
