-- 数据差错率: quarantined rows / data rows read, over every batch landed for the period (accepted, refused and
-- superseded alike: each upload shows how clean the unit's data was), per feed (breakdown) at the unit's scope. An
-- annual batch counts in each month of its year.
with

manifests as (
    select * from landing_manifest
),

months as (
    select * from dim_month
),

scopes as (
    select * from int_unit_scope
),

placed as (
    select
        b.unit,
        b.feed,
        m.month,
        b.rows_read,
        b.rows_quarantined
    from manifests as b
    join months as m
        on (b.period_kind = 'month' and b.period = m.label)
        or (b.period_kind = 'year' and b.period = cast(m.year as string))
),

final as (
    select
        s.region_code,
        p.month,
        p.feed as breakdown,
        cast(sum(p.rows_quarantined) as double) as numerator,
        cast(sum(p.rows_read) as double) as denominator
    from placed as p
    join scopes as s on s.unit = p.unit
    group by s.region_code, p.month, p.feed
)

select * from final
