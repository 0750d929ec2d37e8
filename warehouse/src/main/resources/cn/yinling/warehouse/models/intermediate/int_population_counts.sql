-- Alive population by community and month: the counts the population KPIs are made of.
with

elderly as (
    select * from fct_population_month where is_alive
),

young as (
    select * from fct_population_young_month
),

elderly_counts as (
    select
        region_code,
        month,
        count(*) as pop_total,
        count_if(age <= 64) as pop_15_64,
        count(*) as pop_60,
        count_if(age >= 65) as pop_65,
        count_if(age >= 80) as pop_80,
        count_if(age >= 100) as pop_100
    from elderly
    group by region_code, month
),

young_counts as (
    select
        region_code,
        month,
        sum(population) as pop_total,
        sum(case when age_band = '15-59' then population else 0 end) as pop_15_64,
        0 as pop_60,
        0 as pop_65,
        0 as pop_80,
        0 as pop_100
    from young
    group by region_code, month
),

combined as (
    select * from elderly_counts
    union all
    select * from young_counts
),

final as (
    select
        region_code,
        month,
        sum(pop_total) as pop_total,
        sum(pop_15_64) as pop_15_64,
        sum(pop_60) as pop_60,
        sum(pop_65) as pop_65,
        sum(pop_80) as pop_80,
        sum(pop_100) as pop_100
    from combined
    group by region_code, month
)

select * from final
