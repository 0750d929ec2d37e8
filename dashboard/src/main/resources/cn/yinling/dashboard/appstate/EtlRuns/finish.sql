update etl_runs
set finished_at = :finishedAt, status = :status, exit_code = :exitCode, published_version = :publishedVersion,
    last_line = :lastLine
where id = :id
