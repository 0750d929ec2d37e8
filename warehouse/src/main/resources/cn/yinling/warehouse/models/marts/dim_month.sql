-- Month spine (kpis.md): every month from the earliest household snapshot period to the latest period of any
-- monthly feed. Without any household snapshot it starts at the earliest monthly period instead.
with

batches as (
    select * from landing_batch
),

monthly as (
    select feed, to_date(concat(period, '-01')) as month
    from batches
    where period_kind = 'month'
),

bounds as (
    select
        coalesce(min(case when feed = 'household' then month end), min(month)) as first_month,
        max(month) as last_month
    from monthly
),

months as (
    select explode(sequence(first_month, last_month, interval 1 month)) as month
    from bounds
    where first_month is not null and first_month <= last_month
),

final as (
    select
        month,
        last_day(month) as month_end,
        year(month) as year,
        month(month) as month_of_year,
        date_format(month, 'yyyy-MM') as label
    from months
)

select * from final
