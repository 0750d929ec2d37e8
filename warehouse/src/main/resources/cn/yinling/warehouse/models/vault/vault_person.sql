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

by_id as (
    -- sent to their ID number's partition before the window: left to itself, Spark sorts and limits each ID number's
    -- rows before the shuffle too (a partial WindowGroupLimit), which gains nothing here, since an ID number's rows
    -- (one per snapshot) lie in different files
    select /*+ REPARTITION(id_number) */ * from people
),

latest as (
    -- the name of each ID number's first row in the order: named rows first, household before death, latest period,
    -- latest batch, first row. A window, not an aggregate: max_by over an ordering struct has no fixed-width buffer,
    -- so Spark sorts for it on both sides of the shuffle
    select id_number, name
    from (
        select
            id_number,
            name,
            row_number() over (
                partition by id_number
                order by name is null, source_priority, period desc, batch_id desc, _row
            ) as rank
        from by_id
    )
    where rank = 1
),

final as (
    select person_key(id_number) as person_key, id_number, name
    from latest
)

select * from final
