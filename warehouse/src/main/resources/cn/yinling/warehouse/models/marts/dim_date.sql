-- Every day of the month spine.
with

months as (
    select * from dim_month
),

days as (
    select explode(sequence(month, month_end, interval 1 day)) as date
    from months
),

final as (
    select
        date,
        trunc(date, 'MM') as month,
        year(date) as year,
        month(date) as month_of_year,
        day(date) as day_of_month,
        weekday(date) + 1 as iso_day_of_week,
        date = last_day(date) as is_month_end
    from days
)

select * from final
