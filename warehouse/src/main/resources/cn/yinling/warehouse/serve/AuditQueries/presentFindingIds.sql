-- Which of the given finding ids the version holds (a marked finding that is not here has been resolved).
SELECT DISTINCT f.finding_id
FROM audit_finding f
WHERE f.finding_id IN (<ids>)
