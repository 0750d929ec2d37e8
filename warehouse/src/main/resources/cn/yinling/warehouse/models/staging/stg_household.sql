-- Household register snapshots (户籍人口), one row per accepted row: the ID number becomes person_key here and
-- neither it nor the name goes any further.
-- A view, not a table: its readers compute person_key again (int_person_snapshot, which sends the rows to their
-- person's partition itself, and the death models, which read a few of its columns), and that costs less than
-- writing the register out in buckets did (twelve months at scale 1.0: 183 executor seconds).
-- materialized: ephemeral
with

source as (
    select * from src_household
),

final as (
    select
        person_key(id_number) as person_key,
        sex,
        birth_date,
        region_code,
        household_id,
        status,
        status_date,
        to_date(concat(period, '-01')) as snapshot_month,
        unit,
        batch_id,
        _row as source_row
    from source
)

select * from final
