-- 按期报送率: (unit, feed) pairs with an accepted batch for the period / pairs expected (units.csv). A monthly feed is
-- expected for every month of the spine, an annual feed for every year (its pair counts in each month of the year).
-- Counted at the unit's scope: a district bureau at its district (and so the city), a city bureau at the city.
with

expected as (
    select * from expected_submission
),

batches as (
    select * from landing_batch
),

months as (
    select * from dim_month
),

scopes as (
    select * from int_unit_scope
),

pairs as (
    select
        e.unit,
        e.feed,
        m.month,
        case when e.period_kind = 'month' then m.label else cast(m.year as string) end as period
    from expected as e
    cross join months as m
),

submitted as (
    select
        p.unit,
        p.month,
        b.batch_id is not null as is_submitted
    from pairs as p
    left join batches as b on b.feed = p.feed and b.unit = p.unit and b.period = p.period
),

final as (
    select
        s.region_code,
        p.month,
        cast(null as string) as breakdown,
        cast(count_if(p.is_submitted) as double) as numerator,
        cast(count(*) as double) as denominator
    from submitted as p
    join scopes as s on s.unit = p.unit
    group by s.region_code, p.month
)

select * from final
