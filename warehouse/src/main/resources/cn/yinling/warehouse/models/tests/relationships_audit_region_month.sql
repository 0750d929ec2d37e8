-- Every region and month of the audit tables exists in dim_region and dim_month: returns the orphans.
with

child_regions as (
    select 'audit_finding' as model, region_code as ref from audit_finding
    union all
    select 'mart_audit_summary', region_code from mart_audit_summary
    union all
    select 'mart_proof_of_life', region_code from mart_proof_of_life
),

child_months as (
    select 'audit_finding' as model, month as ref from audit_finding
    union all
    select 'mart_audit_summary', month from mart_audit_summary
    union all
    select 'mart_proof_of_life', month from mart_proof_of_life
),

region_orphans as (
    select c.model, concat('region ', coalesce(c.ref, 'null')) as ref, count(*) as orphan_rows
    from child_regions as c
    left anti join dim_region as p on p.region_code = c.ref
    group by c.model, c.ref
),

month_orphans as (
    select c.model, concat('month ', coalesce(cast(c.ref as string), 'null')) as ref, count(*) as orphan_rows
    from child_months as c
    left anti join dim_month as p on p.month = c.ref
    group by c.model, c.ref
),

final as (
    select * from region_orphans
    union all
    select * from month_orphans
)

select * from final
