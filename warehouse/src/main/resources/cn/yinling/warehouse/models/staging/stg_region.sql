-- Region registry (统计用区划代码): one row per code, 12 digits, from the latest annual snapshot that lists it.
-- Codes dropped in a later year stay, so facts of earlier months still find their region.
with

source as (
    select * from src_region
),

padded as (
    select
        rpad(code, 12, '0') as region_code,
        name,
        level,
        case when parent_code is not null then rpad(parent_code, 12, '0') end as parent_code,
        urban_rural_code,
        period as registry_year,
        batch_id,
        _row as source_row
    from source
),

latest as (
    select
        *,
        row_number() over (partition by region_code order by registry_year desc, batch_id desc, source_row) as recency
    from padded
),

final as (
    select region_code, name, level, parent_code, urban_rural_code, registry_year, batch_id
    from latest
    where recency = 1
)

select * from final
