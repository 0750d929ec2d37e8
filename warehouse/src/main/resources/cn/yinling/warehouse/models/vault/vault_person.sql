-- The PII vault (restricted): person_key → ID number and name, the name from the latest household snapshot
-- (the death feed's name for persons the register never listed). person_key is computed once per distinct ID.
with

household as (
    select id_number, name, period, batch_id, _row from src_household
),

death as (
    select id_number, name, period, batch_id, _row from src_death
),

people as (
    select id_number, name, 1 as source_priority, period, batch_id, _row from household
    union all
    select id_number, name, 2 as source_priority, period, batch_id, _row from death
),

latest as (
    -- the name of each ID number's first row in the order: named rows first, household before death, latest period,
    -- latest batch, first row; an aggregate rather than a window, so each partition sends one row per ID number to
    -- the shuffle instead of all of them
    select
        id_number,
        max_by(name, named_struct(
            'has_name', name is not null, 'priority', -source_priority, 'period', period, 'batch_id', batch_id,
            'row', -_row)) as name
    from people
    group by id_number
),

final as (
    select person_key(id_number) as person_key, id_number, name
    from latest
)

select * from final
