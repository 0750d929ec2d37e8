-- Everyone in the household snapshot in force at each month's end (all ages): region, age at the month's last
-- day, and whether alive (active in that snapshot and no death from any source on or before the month's end).
-- Widened from int_person_snapshot without a shuffle; at scale 1.0 with twelve months it would be 125 million rows,
-- cheaper to compute in each reader than to store.
-- materialized: ephemeral
with

persons as (
    select * from int_person_snapshot
),

months as (
    select distinct month, month_end, set_month from int_household_snapshot_set
),

age_bands as (
    select * from dim_age_band
),

band_of_age as (
    -- a row per whole year of age (the open band up to 200, older ages are looked up as 200): each person-month
    -- finds its band by a hash lookup instead of being compared with every band
    select explode(sequence(min_age, coalesce(max_age, 200))) as age, age_band from age_bands
),

person_months as (
    select /*+ BROADCAST(m) */
        m.month,
        m.month_end,
        p.person_key,
        p.region_code,
        p.sex,
        p.birth_date,
        p.status,
        p.status_date,
        p.death_date,
        p.snapshot_month,
        p.batch_id
    from months as m
    join persons as p on p.set_month = m.set_month
),

with_age as (
    select
        *,
        age_at(birth_date, month_end) as age
    from person_months
),

final as (
    select /*+ BROADCAST(b) */
        p.person_key,
        p.month,
        p.month_end,
        p.region_code,
        p.sex,
        p.birth_date,
        p.age,
        b.age_band,
        p.status,
        p.status_date,
        p.death_date,
        is_alive_at(p.status, p.death_date, p.month_end) as is_alive,
        p.snapshot_month,
        p.batch_id
    from with_age as p
    join band_of_age as b on b.age = least(p.age, 200)
)

select * from final
