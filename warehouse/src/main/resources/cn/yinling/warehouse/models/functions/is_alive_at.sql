-- Whether a person of the household register counts in the population on a day: listed as active in the snapshot
-- in force and not dead on or before the day, by any source. The one definition behind every is_alive flag.
create or replace temporary function is_alive_at(status string, death_date date, on_day date)
returns boolean
return status = 'active' and (death_date is null or death_date > on_day)
