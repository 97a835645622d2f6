-- The run ledger knows which process a run belongs to, so a run whose process died (killed, power cut) is found at
-- the next start of any `iw` and marked 'abandoned' (ended_at: the moment it was found) instead of "running"
-- forever. owner: "host/pid/process start time" of the process that started the run.
-- SQLite cannot change a CHECK constraint, so the table is rebuilt as 008_operations.sql rebuilds etl_snapshot
-- (foreign keys off during the migration, every key checked before the commit; etl_job_lease and etl_rule_rescore
-- keep naming etl_run).
CREATE TABLE etl_run_rebuilt (
    run_id     INTEGER PRIMARY KEY,
    job        TEXT    NOT NULL,
    parameters TEXT,
    started_at TEXT    NOT NULL,
    ended_at   TEXT,
    state      TEXT    NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'skipped', 'abandoned')),
    rows       INTEGER,
    error      TEXT,
    owner      TEXT
);
INSERT INTO etl_run_rebuilt (run_id, job, parameters, started_at, ended_at, state, rows, error)
SELECT run_id, job, parameters, started_at, ended_at, state, rows, error FROM etl_run;
DROP TABLE etl_run;
PRAGMA legacy_alter_table = ON;
ALTER TABLE etl_run_rebuilt RENAME TO etl_run;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX ix_etl_run_job ON etl_run (job, started_at);
CREATE INDEX ix_etl_run_running ON etl_run (state) WHERE state = 'running';
