-- Key of dim_age_band (age_band) is unique and never null: returns the offending keys.
with

keyed as (
    select * from dim_age_band
),

duplicates as (
    select age_band, count(*) as copies
    from keyed
    group by age_band
    having count(*) > 1
),

nulls as (
    select age_band, 1 as copies
    from keyed
    where age_band is null
),

final as (
    select * from duplicates
    union all
    select * from nulls
)

select * from final
