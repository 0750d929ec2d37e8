-- Key of fct_facility_month (facility_code, month) is unique and never null: returns the offending keys.
with

keyed as (
    select * from fct_facility_month
),

duplicates as (
    select facility_code, month, count(*) as copies
    from keyed
    group by facility_code, month
    having count(*) > 1
),

nulls as (
    select facility_code, month, 1 as copies
    from keyed
    where facility_code is null or month is null or region_code is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
