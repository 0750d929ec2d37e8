-- The committee's calibration figures as the published version has them (aging bench compares them with the report):
-- city level, each a monthly mean over the published months, the longevity amount a sum. Government-purchased home
-- care is not a KPI of its own (service_persons counts every funding), so it is read from fct_service_order, and
-- averaged over every published month like the generator's figure: a month without such orders counts as 0 persons.
WITH

city_kpis AS (
    SELECT * FROM mart_kpi WHERE region_level = 2 AND breakdown IS NULL
),

government_orders AS (
    SELECT * FROM fct_service_order WHERE is_completed AND funding = 'government'
),

insured AS (
    SELECT avg(numerator) AS insured_persons,
           100 * sum(numerator) / sum(denominator) AS insured_share
    FROM city_kpis
    WHERE kpi_code = 'accident_insurance_rate'
),

longevity AS (
    SELECT avg(CASE WHEN kpi_code = 'longevity_recipients' THEN value END) AS longevity_recipients,
           sum(CASE WHEN kpi_code = 'longevity_amount' THEN value END) AS longevity_amount
    FROM city_kpis
    WHERE kpi_code IN ('longevity_recipients', 'longevity_amount')
),

published_months AS (
    SELECT DISTINCT month FROM city_kpis
),

orders_by_month AS (
    SELECT order_month, count(DISTINCT person_key) AS persons, count(*) AS orders
    FROM government_orders
    GROUP BY order_month
),

home_care_by_month AS (
    SELECT coalesce(o.persons, 0) AS persons, coalesce(o.orders, 0) AS orders
    FROM published_months AS m
    LEFT JOIN orders_by_month AS o ON o.order_month = m.month
),

home_care AS (
    SELECT avg(persons) AS gov_home_care_persons,
           avg(CASE WHEN persons = 0 THEN 0 ELSE 1000.0 * orders / persons END) AS orders_per_1000_served
    FROM home_care_by_month
),

final AS (
    SELECT round(i.insured_persons) AS insured_persons,
           round(i.insured_share, 2) AS insured_share,
           round(l.longevity_recipients) AS longevity_recipients,
           round(l.longevity_amount, 2) AS longevity_amount,
           round(h.gov_home_care_persons) AS gov_home_care_persons,
           round(h.orders_per_1000_served) AS orders_per_1000_served
    FROM insured AS i, longevity AS l, home_care AS h
)

SELECT * FROM final
