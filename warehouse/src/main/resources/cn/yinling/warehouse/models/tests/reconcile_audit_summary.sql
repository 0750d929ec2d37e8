-- mart_audit_summary agrees with audit_finding: per rule and month, the rows of each level (2 city … 5 community)
-- add up to the findings (and their amounts) attributed at or below that level; and the summary has exactly one row
-- per rule of the catalog, region of levels 2–5 and month. Returns the disagreements.
with

summary as (
    select * from mart_audit_summary
),

findings as (
    select * from audit_finding
),

levels as (
    select explode(array(2, 3, 4, 5)) as level
),

summed as (
    select rule, month, region_level as level, sum(findings) as findings, coalesce(sum(amount), 0) as amount
    from summary
    group by rule, month, region_level
),

counted as (
    select
        f.rule,
        f.month,
        l.level,
        count(*) as findings,
        coalesce(sum(f.amount), 0) as amount
    from findings as f
    join levels as l
        on (l.level = 2 and f.city_code is not null)
        or (l.level = 3 and f.district_code is not null)
        or (l.level = 4 and f.street_code is not null)
        or (l.level = 5 and f.community_code is not null)
    group by f.rule, f.month, l.level
),

mismatches as (
    select
        coalesce(s.rule, c.rule) as rule,
        coalesce(s.month, c.month) as month,
        coalesce(s.level, c.level) as level,
        coalesce(s.findings, 0) as summary_findings,
        coalesce(c.findings, 0) as finding_rows,
        cast(coalesce(s.amount, 0) - coalesce(c.amount, 0) as double) as amount_difference
    from summed as s
    full outer join counted as c on c.rule = s.rule and c.month = s.month and c.level = s.level
    where coalesce(s.findings, 0) <> coalesce(c.findings, 0) or coalesce(s.amount, 0) <> coalesce(c.amount, 0)
),

expected_rows as (
    select
        (select count(*) from audit_rule)
        * (select count(*) from dim_region where level between 2 and 5)
        * (select count(*) from dim_month) as expected,
        (select count(*) from summary) as actual,
        (select count(*) from (select distinct rule, region_code, month from summary)) as distinct_keys
),

incomplete as (
    select 'rows' as rule, cast(null as date) as month, cast(null as int) as level, actual as summary_findings,
        expected as finding_rows, cast(distinct_keys as double) as amount_difference
    from expected_rows
    where actual <> expected or distinct_keys <> actual
),

final as (
    select * from mismatches
    union all
    select * from incomplete
)

select * from final
