-- Key of dim_month (month) is unique and never null: returns the offending keys.
with

keyed as (
    select * from dim_month
),

duplicates as (
    select month, count(*) as copies
    from keyed
    group by month
    having count(*) > 1
),

nulls as (
    select month, 1 as copies
    from keyed
    where month is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
