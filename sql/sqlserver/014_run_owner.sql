-- The run ledger knows which process a run belongs to, so a run whose process died is found at the next start of
-- any `iw` and marked 'abandoned' (ended_at: the moment it was found). Same columns as sql/sqlite/011_run_owner.sql;
-- SQL Server changes the constraint in place.
ALTER TABLE etl.run DROP CONSTRAINT ck_etl_run_state;
ALTER TABLE etl.run ADD CONSTRAINT ck_etl_run_state CHECK (state IN ('running', 'succeeded', 'failed', 'skipped', 'abandoned'));
ALTER TABLE etl.run ADD owner nvarchar(200) NULL;
CREATE INDEX ix_etl_run_running ON etl.run (state) WHERE state = 'running';
-- SQLite rebuilds ix_etl_run_job with its table; here it is rebuilt covering state, so the pages' cache reads the
-- latest successful build (job = 'build' AND state = 'succeeded', the highest run_id) from the index alone.
DROP INDEX ix_etl_run_job ON etl.run;
CREATE INDEX ix_etl_run_job ON etl.run (job, started_at) INCLUDE (state);
