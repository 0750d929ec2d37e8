-- Everyone in the household snapshots in force, once per set of months that those snapshots serve alike
-- (int_household_snapshot_set): the person's latest row among them, with the death date from any source.
-- int_person_month widens it to every month of the set.
-- materialized: table
-- clustered_by: person_key
with

snapshot_sets as (
    select distinct set_month, unit, snapshot_month from int_household_snapshot_set
),

household as (
    select person_key, region_code, sex, birth_date, status, status_date, snapshot_month, unit, batch_id, source_row
    from stg_household
),

deaths as (
    select person_key, death_date from fct_death
),

snapshot_rows as (
    select /*+ BROADCAST(s) */
        s.set_month,
        h.person_key,
        h.region_code,
        h.sex,
        h.birth_date,
        h.status,
        h.status_date,
        h.snapshot_month,
        h.batch_id,
        h.source_row
    from snapshot_sets as s
    join household as h on h.unit = s.unit and h.snapshot_month = s.snapshot_month
),

by_person as (
    -- sent to the partition of the person's bucket: the window below and the bucketed write need no shuffle of
    -- their own, and every reader by person_key reads the buckets in place
    select /*+ REPARTITION(person_key) */ * from snapshot_rows
),

one_row_per_person as (
    select *
    from (
        select
            *,
            row_number() over (
                partition by person_key, set_month
                order by snapshot_month desc, batch_id desc, source_row
            ) as recency
        from by_person
    )
    where recency = 1
),

final as (
    select /*+ BROADCAST(d) */
        p.set_month,
        p.person_key,
        p.region_code,
        p.sex,
        p.birth_date,
        p.status,
        p.status_date,
        p.snapshot_month,
        p.batch_id,
        d.death_date
    from one_row_per_person as p
    left join deaths as d on d.person_key = p.person_key
)

select * from final
