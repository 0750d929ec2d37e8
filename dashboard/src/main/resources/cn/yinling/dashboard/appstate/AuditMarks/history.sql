select id, finding_id, status, comment, marked_by, marked_at, version
from audit_marks
where finding_id = :findingId
order by id desc
