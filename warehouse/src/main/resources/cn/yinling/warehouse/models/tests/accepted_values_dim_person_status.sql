-- dim_person.status is a code of the household_status list.
select person_key, status
from dim_person
where status is null or status not in ('active', 'moved_out', 'deceased', 'cancelled')
