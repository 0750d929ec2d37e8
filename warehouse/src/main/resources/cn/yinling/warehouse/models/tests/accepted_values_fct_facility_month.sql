-- fct_facility_month.facility_type and status are codes of their lists.
select facility_code, month, facility_type, status
from fct_facility_month
where facility_type not in ('institution', 'day_care_center', 'community_center', 'meal_point', 'community_canteen',
                            'rural_mutual_aid', 'care_home_small')
   or status not in ('open', 'closed', 'planned')
