-- Key of dim_person (person_key, valid_from) is unique and never null: returns the offending keys.
with

keyed as (
    select * from dim_person
),

duplicates as (
    select person_key, valid_from, count(*) as copies
    from keyed
    group by person_key, valid_from
    having count(*) > 1
),

nulls as (
    select person_key, valid_from, 1 as copies
    from keyed
    where person_key is null or valid_from is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
