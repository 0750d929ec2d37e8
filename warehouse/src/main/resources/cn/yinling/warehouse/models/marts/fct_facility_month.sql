-- Facility × month: the facility as its snapshot in force at the month's end describes it.
with

in_force as (
    select * from int_snapshot_in_force where feed = 'facility'
),

facilities as (
    select * from stg_facility
),

snapshot_rows as (
    select
        f.month,
        s.facility_code,
        s.facility_type,
        s.region_code,
        s.beds,
        s.nursing_beds,
        s.status,
        s.operation,
        s.fire_safe,
        s.snapshot_month,
        s.batch_id,
        s.source_row
    from in_force as f
    join facilities as s on s.unit = f.unit and s.snapshot_month = f.snapshot_month
),

one_row_per_facility as (
    select *
    from (
        select
            *,
            row_number() over (
                partition by facility_code, month
                order by snapshot_month desc, batch_id desc, source_row
            ) as recency
        from snapshot_rows
    )
    where recency = 1
),

final as (
    select
        facility_code,
        month,
        region_code,
        facility_type,
        status,
        status = 'open' as is_open,
        beds,
        nursing_beds,
        fire_safe,
        operation,
        snapshot_month
    from one_row_per_facility
)

select * from final
