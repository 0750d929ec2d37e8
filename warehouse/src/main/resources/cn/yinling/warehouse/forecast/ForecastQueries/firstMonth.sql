-- The first month of the version's month spine, YYYY-MM.
SELECT strftime(min(month), '%Y-%m') AS label
FROM dim_month
