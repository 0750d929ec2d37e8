-- Persons with history (SCD2) of region and household status, from the household snapshots: a new version starts
-- at the first snapshot month showing a change; valid_to is the day before the next version (null while current).
with

household as (
    -- one shuffle by person: every window and the grouping below partition by person_key first, so they all reuse it
    -- instead of shuffling the whole register once each
    select /*+ REPARTITION(person_key) */ * from stg_household
),

per_snapshot as (
    select *
    from (
        select
            *,
            row_number() over (partition by person_key, snapshot_month order by batch_id desc, source_row) as recency
        from household
    )
    where recency = 1
),

with_previous as (
    select
        *,
        row_number() over (partition by person_key order by snapshot_month) as snapshot_number,
        lag(region_code) over (partition by person_key order by snapshot_month) as previous_region_code,
        lag(status) over (partition by person_key order by snapshot_month) as previous_status
    from per_snapshot
),

numbered as (
    select
        *,
        sum(case
                when snapshot_number = 1
                  or previous_region_code is distinct from region_code
                  or previous_status is distinct from status
                then 1 else 0
            end)
            over (partition by person_key order by snapshot_month rows between unbounded preceding and current row) as version
    from with_previous
),

versions as (
    select
        person_key,
        version,
        min(snapshot_month) as valid_from,
        max_by(birth_date, snapshot_month) as birth_date,
        max_by(sex, snapshot_month) as sex,
        max_by(region_code, snapshot_month) as region_code,
        max_by(status, snapshot_month) as status,
        max_by(status_date, snapshot_month) as status_date
    from numbered
    group by person_key, version
),

final as (
    select
        person_key,
        cast(version as int) as version,
        birth_date,
        sex,
        region_code,
        status,
        status_date,
        valid_from,
        date_sub(lead(valid_from) over (partition by person_key order by valid_from), 1) as valid_to,
        lead(valid_from) over (partition by person_key order by valid_from) is null as is_current
    from versions
)

select * from final
