-- Elderly-care facility snapshots (养老服务设施), one row per accepted row.
with

source as (
    select * from src_facility
),

final as (
    select
        facility_code,
        name,
        facility_type,
        region_code,
        beds,
        nursing_beds,
        opened_date,
        status,
        operation,
        fire_safe,
        to_date(concat(period, '-01')) as snapshot_month,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
