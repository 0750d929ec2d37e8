-- Runs still 'running' when the server starts were cut off by a restart.
update etl_runs set status = 'interrupted', finished_at = :now where status = 'running'
