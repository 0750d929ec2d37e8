-- Key of mart_death_age (region_code, month, age, sex) is unique and never null: returns the offending keys.
with

keyed as (
    select * from mart_death_age
),

duplicates as (
    select region_code, month, age, sex, count(*) as copies
    from keyed
    group by region_code, month, age, sex
    having count(*) > 1
),

nulls as (
    select region_code, month, age, sex, 1 as copies
    from keyed
    where region_code is null or month is null or age is null or sex is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
