-- The living status and checkup carried by fct_population_month are in force: dated within the twelve calendar
-- months ending with the row's month; and a checked person has the checkup's self-care: returns the offending rows.
with

population as (
    select * from fct_population_month
),

final as (
    select person_key, month, living_status_date as checked_date, 'living_status_date' as field
    from population
    where living_status_date < add_months(month, -11) or living_status_date > last_day(month)
    union all
    select person_key, month, last_checkup_date, 'last_checkup_date'
    from population
    where last_checkup_date < add_months(month, -11) or last_checkup_date > last_day(month)
       or (is_checked_12m and self_care is null)
       or (not is_checked_12m and last_checkup_date is not null)
)

select * from final
