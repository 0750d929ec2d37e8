-- Everyone in the household snapshot in force at each month's end (all ages): region, age at the month's last
-- day, and whether alive (active in that snapshot and no death from any source on or before the month's end).
-- materialized: table
with

in_force as (
    select * from int_snapshot_in_force where feed = 'household'
),

household as (
    -- One shuffle by person, of the snapshot rows: the broadcast join below keeps this partitioning, and the window
    -- over (person_key, month) reuses it, instead of shuffling the rows after the join, one per person and month
    -- (at scale 1.0 with quarterly snapshots 125 million instead of 52 million).
    select /*+ REPARTITION(person_key) */
        person_key, region_code, sex, birth_date, status, status_date, snapshot_month, unit, batch_id, source_row
    from stg_household
),

deaths as (
    select person_key, death_date from fct_death
),

age_bands as (
    select * from dim_age_band
),

snapshot_rows as (
    select /*+ BROADCAST(f) */
        f.month,
        f.month_end,
        h.person_key,
        h.region_code,
        h.sex,
        h.birth_date,
        h.status,
        h.status_date,
        h.snapshot_month,
        h.batch_id,
        h.source_row
    from in_force as f
    join household as h on h.unit = f.unit and h.snapshot_month = f.snapshot_month
),

one_row_per_person as (
    select *
    from (
        select
            *,
            row_number() over (
                partition by person_key, month
                order by snapshot_month desc, batch_id desc, source_row
            ) as recency
        from snapshot_rows
    )
    where recency = 1
),

with_age as (
    select
        *,
        -- year difference minus 1 while (month, day) of the month end is before (month, day) of the birth date:
        -- a birthday on the month's last day counts, a 29 Feb birthday is not reached on 28 Feb
        year(month_end) - year(birth_date)
            - case
                when month(month_end) < month(birth_date)
                  or (month(month_end) = month(birth_date) and day(month_end) < day(birth_date))
                then 1 else 0
              end as age
    from one_row_per_person
),

final as (
    select /*+ BROADCAST(b, d) */
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
        d.death_date,
        p.status = 'active' and (d.death_date is null or d.death_date > p.month_end) as is_alive,
        p.snapshot_month,
        p.batch_id
    from with_age as p
    join age_bands as b on p.age >= b.min_age and (b.max_age is null or p.age <= b.max_age)
    left join deaths as d on d.person_key = p.person_key
)

select * from final
