-- Scheduled jobs (`iw serve`, `iw jobs`): the lease that keeps two servers on one warehouse from running the
-- same job for the same period twice, and which jobs a person has paused. Both live in the warehouse because
-- the servers, and the `iw jobs` command, share nothing else.

-- One row per job and period it was run for (a month, a day, a scheduled minute). A running lease expires, so a
-- server that died does not block the period for ever; a completed one stays and marks the period done.
CREATE TABLE etl_job_lease (
    job          TEXT    NOT NULL,
    period       TEXT    NOT NULL,
    holder       TEXT    NOT NULL,             -- host, process and instance of the server that holds it
    acquired_at  TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    completed_at TEXT,
    run_id       INTEGER REFERENCES etl_run (run_id),
    PRIMARY KEY (job, period)
);

CREATE TABLE etl_job_pause (
    job       TEXT PRIMARY KEY,
    paused_at TEXT NOT NULL,
    paused_by TEXT NOT NULL
);
