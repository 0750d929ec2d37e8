-- 运营中养老服务设施数: open facilities, one figure per facility_type (the rollup adds the total row).
with

facilities as (
    select * from fct_facility_month
),

final as (
    select
        region_code,
        month,
        facility_type as breakdown,
        cast(count(*) as double) as numerator,
        cast(null as double) as denominator
    from facilities
    where is_open
    group by region_code, month, facility_type
)

select * from final
