-- Key of fct_population_month (person_key, month) is unique and never null: returns the offending keys.
with

keyed as (
    select * from fct_population_month
),

duplicates as (
    select person_key, month, count(*) as copies
    from keyed
    group by person_key, month
    having count(*) > 1
),

nulls as (
    select person_key, month, 1 as copies
    from keyed
    where person_key is null or month is null or region_code is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
