-- Findings per rule, region and month, rolled up the region hierarchy as mart_kpi is (each finding counts at its own
-- region and every ancestor): every rule of the catalog × every region of levels 2–5 × every month, zeros where
-- nothing was found. amount sums the findings' amounts; it is null for a rule without amounts (A06).
with

findings as (
    select * from audit_finding
),

rules as (
    select * from audit_rule
),

regions as (
    select * from dim_region where level between 2 and 5
),

months as (
    select * from dim_month
),

rolled_up as (
    select
        f.rule,
        a.ancestor_code as region_code,
        f.month,
        count(*) as findings,
        sum(f.amount) as amount
    from findings as f
    lateral view stack(4, f.city_code, f.district_code, f.street_code, f.community_code) a as ancestor_code
    where a.ancestor_code is not null
    group by f.rule, a.ancestor_code, f.month
),

spine as (
    select
        r.rule,
        r.amount_kind,
        g.region_code,
        cast(g.level as int) as region_level,
        m.month
    from rules as r
    cross join regions as g
    cross join months as m
),

final as (
    select
        s.rule,
        s.region_code,
        s.region_level,
        s.month,
        coalesce(v.findings, 0L) as findings,
        case
            when s.amount_kind = 'none' then cast(null as decimal(14, 2))
            else cast(coalesce(v.amount, 0) as decimal(14, 2))
        end as amount
    from spine as s
    left join rolled_up as v on v.rule = s.rule and v.region_code = s.region_code and v.month = s.month
)

select * from final
