-- Nothing is lost on the way in: every batch in force gives src_<feed> exactly the rows its manifest says were
-- loaded (LAND counts them as it writes accepted.parquet), and no row carries a batch that is not in force. Returns
-- the batches that disagree.
with

batches as (
    select * from landing_batch
),

source_rows as (
    select batch_id, count(*) as row_count from src_region group by batch_id
    union all
    select batch_id, count(*) as row_count from src_household group by batch_id
    union all
    select batch_id, count(*) as row_count from src_death group by batch_id
    union all
    select batch_id, count(*) as row_count from src_facility group by batch_id
    union all
    select batch_id, count(*) as row_count from src_living_status group by batch_id
    union all
    select batch_id, count(*) as row_count from src_allowance group by batch_id
    union all
    select batch_id, count(*) as row_count from src_service_order group by batch_id
    union all
    select batch_id, count(*) as row_count from src_health_checkup group by batch_id
    union all
    select batch_id, count(*) as row_count from src_pension group by batch_id
    union all
    select batch_id, count(*) as row_count from src_ltc_benefit group by batch_id
    union all
    select batch_id, count(*) as row_count from src_accident_insurance group by batch_id
    union all
    select batch_id, count(*) as row_count from src_care_visit group by batch_id
),

final as (
    select
        coalesce(b.batch_id, s.batch_id) as batch_id,
        b.feed,
        b.rows_loaded as manifest_rows,
        coalesce(s.row_count, 0) as source_rows
    from batches as b
    full outer join source_rows as s on s.batch_id = b.batch_id
    where b.batch_id is null or b.rows_loaded <> coalesce(s.row_count, 0)
)

select * from final
