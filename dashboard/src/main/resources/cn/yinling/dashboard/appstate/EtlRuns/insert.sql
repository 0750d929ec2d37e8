insert into etl_runs (started_at, started_by, status) values (:startedAt, :startedBy, 'running')
returning id
