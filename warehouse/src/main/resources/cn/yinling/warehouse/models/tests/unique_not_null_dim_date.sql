-- Key of dim_date (date) is unique and never null: returns the offending keys.
with

keyed as (
    select * from dim_date
),

duplicates as (
    select date, count(*) as copies
    from keyed
    group by date
    having count(*) > 1
),

nulls as (
    select date, 1 as copies
    from keyed
    where date is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
