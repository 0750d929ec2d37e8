-- Newest first; :beforeId pages backwards, :action filters when not null.
select id, at, actor, role, action, target, detail, outcome, ip
from audit_log
where (:beforeId is null or id < :beforeId)
  and (:action is null or action = :action)
  and (:actor is null or actor = :actor)
order by id desc
limit :limit
