-- The earliest recorded death of each person, whatever its source (the death feed's registry, certificate and
-- cremation records, or a household snapshot showing 死亡 with its 变动日期), with the sources that recorded that very
-- date: the audit rules A01–A03 and the proof of life compare events with it and name it in their evidence.
with

events as (
    select * from int_death_event
),

labels as (
    select * from code_label where code_list = 'death_source'
),

earliest as (
    select person_key, min(death_date) as death_date
    from events
    group by person_key
),

sources_of_earliest as (
    select distinct e.person_key, e.death_date, e.source
    from events as e
    join earliest as f on f.person_key = e.person_key and f.death_date = e.death_date
),

labelled as (
    select
        s.person_key,
        s.death_date,
        s.source,
        coalesce(l.label, case when s.source = 'household_status' then '户籍状态死亡' end, s.source) as source_label
    from sources_of_earliest as s
    left join labels as l on l.code = s.source
),

final as (
    select
        person_key,
        death_date,
        cast(trunc(death_date, 'MM') as date) as death_month,
        transform(array_sort(collect_list(struct(source, source_label))), s -> s.source) as sources,
        array_join(transform(array_sort(collect_list(struct(source, source_label))), s -> s.source_label), '、')
            as source_labels
    from labelled
    group by person_key, death_date
)

select * from final
