-- The audit tables hold only known values: a finding's rule is a rule of the catalog (rules.json) and its region
-- level 2–5, that of its region; a proof-of-life status is auto_verified or needs_visit, with evidence from one of the
-- five feeds of spec/audit.md (or none, when needs_visit); mart_audit_summary only rules of the catalog.
with

rules as (
    select * from audit_rule
),

regions as (
    select * from dim_region
),

unknown_rules as (
    select 'audit_finding.rule' as field, f.rule as value
    from audit_finding as f
    left anti join rules as r on r.rule = f.rule
    union all
    select 'mart_audit_summary.rule', s.rule
    from mart_audit_summary as s
    left anti join rules as r on r.rule = s.rule
),

bad_levels as (
    select 'audit_finding.region_level' as field, concat(f.region_code, ':', cast(f.region_level as string)) as value
    from audit_finding as f
    left join regions as g on g.region_code = f.region_code
    where f.region_level not between 2 and 5 or f.region_level <> g.level
    union all
    select 'mart_proof_of_life.region_level', concat(p.region_code, ':', cast(p.region_level as string))
    from mart_proof_of_life as p
    left join regions as g on g.region_code = p.region_code
    where p.region_level not between 2 and 5 or p.region_level <> g.level
),

bad_statuses as (
    select 'mart_proof_of_life.status' as field, concat(status, ':', coalesce(evidence_source, 'null')) as value
    from mart_proof_of_life
    where status is null
       or status not in ('auto_verified', 'needs_visit')
       or (status = 'auto_verified' and evidence_date is null)
       or (evidence_source is not null
           and evidence_source not in ('pension', 'health_checkup', 'service_order', 'care_visit', 'ltc_benefit'))
       or (evidence_date is null) <> (evidence_source is null)
       or evidence is null
),

final as (
    select * from unknown_rules
    union all
    select * from bad_levels
    union all
    select * from bad_statuses
)

select * from final
