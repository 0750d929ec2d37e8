-- Persons with history (SCD2) of region and household status, from the household snapshots: a new version starts
-- at the first snapshot month showing a change; valid_to is the day before the next version (null while current).
-- clustered_by: person_key
with

snapshots as (
    -- int_person_snapshot holds the person's latest row in force for every set of months; a set that starts at the
    -- month of a snapshot holds, for everyone that snapshot (or another of that month) lists, the row of that month,
    -- the one of its latest batch: the register's row per person and snapshot month, already picked. Every snapshot
    -- month starts a set (dim_month's spine starts at the first household snapshot, and a set changes only when a
    -- newer snapshot comes into force). In buckets by person_key, so the windows below need no shuffle.
    select person_key, birth_date, sex, region_code, status, status_date, snapshot_month
    from int_person_snapshot
    where snapshot_month = set_month
),

with_neighbours as (
    -- every window from here on orders the person's snapshots by month: one sort for them all
    select
        *,
        lag(snapshot_month) over by_month is null
            or lag(region_code) over by_month is distinct from region_code
            or lag(status) over by_month is distinct from status as is_version_start,
        lead(snapshot_month) over by_month as next_snapshot_month,
        lead(snapshot_month) over by_month is null
            or lead(region_code) over by_month is distinct from region_code
            or lead(status) over by_month is distinct from status as is_version_end
    from snapshots
    window by_month as (partition by person_key order by snapshot_month)
),

numbered as (
    select
        *,
        sum(case when is_version_start then 1 else 0 end) over running as version,
        -- months only grow, so the latest start so far is the start of the current version
        max(case when is_version_start then snapshot_month end) over running as valid_from
    from with_neighbours
    window running as (partition by person_key order by snapshot_month rows between unbounded preceding and current row)
),

final as (
    -- a version is told by its last snapshot: the attributes as that snapshot gives them, valid until the day
    -- before the next snapshot (which starts the next version)
    select
        person_key,
        cast(version as int) as version,
        birth_date,
        sex,
        region_code,
        status,
        status_date,
        valid_from,
        date_sub(next_snapshot_month, 1) as valid_to,
        next_snapshot_month is null as is_current
    from numbered
    where is_version_end
)

select * from final
