select id, started_at, started_by, finished_at, status, exit_code, published_version, last_line
from etl_runs
order by id desc
limit :limit
