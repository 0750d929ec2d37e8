select finding_id, rule, month, person_key, order_id, region_code, amount, evidence, seen_version
from audit_marked_findings
order by rule, month, finding_id
