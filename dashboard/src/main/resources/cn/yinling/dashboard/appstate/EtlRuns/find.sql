select id, started_at, started_by, finished_at, status, exit_code, published_version, last_line
from etl_runs
where id = :id
