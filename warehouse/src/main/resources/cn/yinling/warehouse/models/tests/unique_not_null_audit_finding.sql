-- finding_id of audit_finding is unique and never null, and every finding names its rule, month and region, and the
-- subject its rule has (person rules a person_key, order rules an order_id and the person_key): returns the offenders.
with

findings as (
    select * from audit_finding
),

rules as (
    select * from audit_rule
),

duplicates as (
    select finding_id, min(rule) as rule, count(*) as copies
    from findings
    group by finding_id
    having count(*) > 1 or finding_id is null
),

incomplete as (
    select f.finding_id, f.rule, 1 as copies
    from findings as f
    left join rules as r on r.rule = f.rule
    where f.rule is null or f.month is null or f.region_code is null or f.evidence is null or f.evidence_json is null
       or f.person_key is null
       or (r.subject = 'order' and f.order_id is null)
       or (r.subject = 'person' and f.order_id is not null)
       or (r.amount_kind = 'none' and f.amount is not null)
       or (r.amount_kind <> 'none' and f.amount is null)
),

final as (
    select * from duplicates
    union all
    select * from incomplete
)

select * from final
