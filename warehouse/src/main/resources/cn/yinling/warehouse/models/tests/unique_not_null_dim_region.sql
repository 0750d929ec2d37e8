-- Key of dim_region (region_code) is unique and never null: returns the offending keys.
with

keyed as (
    select * from dim_region
),

duplicates as (
    select region_code, count(*) as copies
    from keyed
    group by region_code
    having count(*) > 1
),

nulls as (
    select region_code, 1 as copies
    from keyed
    where region_code is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
