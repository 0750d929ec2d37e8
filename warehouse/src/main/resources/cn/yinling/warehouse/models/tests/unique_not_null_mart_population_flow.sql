-- Key of mart_population_flow (region_code, month, age, sex, flow) is unique and never null: returns the offending keys.
with

keyed as (
    select * from mart_population_flow
),

duplicates as (
    select region_code, month, age, sex, flow, count(*) as copies
    from keyed
    group by region_code, month, age, sex, flow
    having count(*) > 1
),

nulls as (
    select region_code, month, age, sex, flow, 1 as copies
    from keyed
    where region_code is null or month is null or age is null or sex is null or flow is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
