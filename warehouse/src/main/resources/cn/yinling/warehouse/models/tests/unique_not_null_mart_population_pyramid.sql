-- Key of mart_population_pyramid (region_code, month, age_band, sex) is unique and never null: returns the offending keys.
with

keyed as (
    select * from mart_population_pyramid
),

duplicates as (
    select region_code, month, age_band, sex, count(*) as copies
    from keyed
    group by region_code, month, age_band, sex
    having count(*) > 1
),

nulls as (
    select region_code, month, age_band, sex, 1 as copies
    from keyed
    where region_code is null or month is null or age_band is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
