-- Key of mart_kpi (kpi_code, breakdown, region_code, month) is unique and never null: returns the offending keys.
with

keyed as (
    select * from mart_kpi
),

duplicates as (
    select kpi_code, breakdown, region_code, month, count(*) as copies
    from keyed
    group by kpi_code, breakdown, region_code, month
    having count(*) > 1
),

nulls as (
    select kpi_code, breakdown, region_code, month, 1 as copies
    from keyed
    where kpi_code is null or region_code is null or month is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
