-- The KPI mart: every KPI at every region of its levels and every month of the spine. Each KPI view gives
-- numerator and denominator at the finest region it knows; they are summed up the hierarchy (never averaging
-- ratios), zeros fill what nothing reported, and the value is numerator / denominator × scale for ratios (null
-- when the denominator is 0) or the numerator for counts. KPIs with a breakdown get a total row (breakdown null).
with

kpi_rows as (
    select * from int_kpi_union
),

catalog as (
    select * from kpi_catalog
),

breakdowns as (
    select * from kpi_breakdown
),

regions as (
    select * from dim_region
),

months as (
    select * from dim_month
),

with_totals as (
    select kpi_code, region_code, month, breakdown, numerator, denominator
    from kpi_rows
    union all
    select k.kpi_code, k.region_code, k.month, cast(null as string) as breakdown, k.numerator, k.denominator
    from kpi_rows as k
    join catalog as c on c.kpi_code = k.kpi_code
    where c.breakdown_dimension is not null and k.breakdown is not null
),

rolled_up as (
    select
        w.kpi_code,
        a.ancestor_code as region_code,
        w.month,
        w.breakdown,
        -- summed as whole millionths: a sum of doubles (money, hours) would depend in its last digits on the order
        -- the rows arrive, so the same inputs in other files could publish other digits; a sum of longs does not,
        -- and unlike a sum of wide decimals (arbitrary precision, several times slower) it is plain arithmetic
        sum(cast(round(w.numerator * 1000000) as bigint)) / 1e6 as numerator,
        sum(cast(round(w.denominator * 1000000) as bigint)) / 1e6 as denominator
    from with_totals as w
    join regions as r on r.region_code = w.region_code
    lateral view stack(4, r.city_code, r.district_code, r.street_code, r.community_code) a as ancestor_code
    where a.ancestor_code is not null
    group by w.kpi_code, a.ancestor_code, w.month, w.breakdown
),

spine as (
    select
        c.kpi_code,
        b.breakdown,
        r.region_code,
        r.level as region_level,
        m.month,
        c.ratio,
        c.scale,
        c.target
    from catalog as c
    join breakdowns as b on b.kpi_code = c.kpi_code
    join regions as r on array_contains(c.levels, r.level)
    cross join months as m
),

final as (
    select
        s.kpi_code,
        s.breakdown,
        s.region_code,
        s.region_level,
        s.month,
        case
            when not s.ratio then coalesce(v.numerator, 0d)
            when coalesce(v.denominator, 0d) = 0d then cast(null as double)
            else coalesce(v.numerator, 0d) / v.denominator * s.scale
        end as value,
        coalesce(v.numerator, 0d) as numerator,
        case when s.ratio then coalesce(v.denominator, 0d) end as denominator,
        s.target
    from spine as s
    left join rolled_up as v
        on v.kpi_code = s.kpi_code
        and v.region_code = s.region_code
        and v.month = s.month
        and v.breakdown <=> s.breakdown
)

select * from final
