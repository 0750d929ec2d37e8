-- Whole years of age on a day: the year difference, minus 1 while (month, day) of the day is before (month, day) of
-- the birth date. A birthday on the day itself counts (the month's last day, for the age at a month's end); a
-- 29 February birthday is not reached on 28 February. A SQL function, so Spark inlines it into each query.
create or replace temporary function age_at(birth_date date, on_day date)
returns int
return year(on_day) - year(birth_date)
    - case
        when month(on_day) < month(birth_date)
          or (month(on_day) = month(birth_date) and day(on_day) < day(birth_date))
        then 1 else 0
      end
