-- Takes the lease of a job and period: over an expired running lease (its server died), over a running one of the
-- same holder (the holder is the Hangfire job: a retry, or its re-run by another server after its own died), over a
-- completed one when forced, or as a new row. SQLite runs one writer at a time, so each step is atomic as it stands.

-- step: take_over
UPDATE etl_job_lease
SET holder = @holder, acquired_at = @now, expires_at = @expires, completed_at = NULL, run_id = NULL
WHERE job = @job AND period = @period
  AND ((completed_at IS NULL AND (expires_at < @now OR holder = @holder)) OR (completed_at IS NOT NULL AND @force = 1));

-- step: claim
INSERT INTO etl_job_lease (job, period, holder, acquired_at, expires_at)
SELECT @job, @period, @holder, @now, @expires
WHERE NOT EXISTS (SELECT 1 FROM etl_job_lease WHERE job = @job AND period = @period);
