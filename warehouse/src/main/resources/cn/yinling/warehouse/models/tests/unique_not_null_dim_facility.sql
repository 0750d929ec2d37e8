-- Key of dim_facility (facility_code, valid_from) is unique and never null: returns the offending keys.
with

keyed as (
    select * from dim_facility
),

duplicates as (
    select facility_code, valid_from, count(*) as copies
    from keyed
    group by facility_code, valid_from
    having count(*) > 1
),

nulls as (
    select facility_code, valid_from, 1 as copies
    from keyed
    where facility_code is null or valid_from is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
