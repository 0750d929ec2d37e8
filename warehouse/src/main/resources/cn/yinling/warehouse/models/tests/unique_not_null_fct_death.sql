-- Key of fct_death (person_key) is unique and never null: returns the offending keys.
with

keyed as (
    select * from fct_death
),

duplicates as (
    select person_key, count(*) as copies
    from keyed
    group by person_key
    having count(*) > 1
),

nulls as (
    select person_key, 1 as copies
    from keyed
    where person_key is null or death_date is null or region_code is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
