-- Facilities with history (SCD2) of every attribute, from the facility snapshots: a new version starts at the
-- first snapshot month showing a change; valid_to is the day before the next version (null while current).
with

facilities as (
    select * from stg_facility
),

per_snapshot as (
    select
        *,
        to_json(named_struct(
            'name', name, 'facility_type', facility_type, 'region_code', region_code, 'beds', beds,
            'nursing_beds', nursing_beds, 'opened_date', opened_date, 'status', status, 'operation', operation,
            'fire_safe', fire_safe)) as state
    from (
        select
            *,
            row_number() over (partition by facility_code, snapshot_month order by batch_id desc, source_row) as recency
        from facilities
    )
    where recency = 1
),

numbered as (
    select
        *,
        sum(case when previous_state is null or previous_state <> state then 1 else 0 end)
            over (partition by facility_code order by snapshot_month rows between unbounded preceding and current row) as version
    from (
        select *, lag(state) over (partition by facility_code order by snapshot_month) as previous_state
        from per_snapshot
    )
),

versions as (
    select
        facility_code,
        version,
        min(snapshot_month) as valid_from,
        max_by(name, snapshot_month) as name,
        max_by(facility_type, snapshot_month) as facility_type,
        max_by(region_code, snapshot_month) as region_code,
        max_by(beds, snapshot_month) as beds,
        max_by(nursing_beds, snapshot_month) as nursing_beds,
        max_by(opened_date, snapshot_month) as opened_date,
        max_by(status, snapshot_month) as status,
        max_by(operation, snapshot_month) as operation,
        max_by(fire_safe, snapshot_month) as fire_safe
    from numbered
    group by facility_code, version
),

final as (
    select
        facility_code,
        cast(version as int) as version,
        name,
        facility_type,
        region_code,
        beds,
        nursing_beds,
        opened_date,
        status,
        operation,
        fire_safe,
        valid_from,
        date_sub(lead(valid_from) over (partition by facility_code order by valid_from), 1) as valid_to,
        lead(valid_from) over (partition by facility_code order by valid_from) is null as is_current
    from versions
)

select * from final
