-- Scheduled jobs (`iw serve`, `iw jobs`): the lease that keeps two servers on one warehouse from running the
-- same job for the same period twice, and which jobs a person has paused (see sql/sqlite/006_job_control.sql).
-- On SQL Server the target for several servers is Quartz's clustered ADO job store (dashboards/README.md); the
-- lease still guards the period, so a job fired by both schedulers runs once.

CREATE TABLE etl.job_lease (
    job          nvarchar(100) NOT NULL,
    period       nvarchar(40)  NOT NULL,
    holder       nvarchar(200) NOT NULL,        -- host, process and instance of the server that holds it
    acquired_at  datetime2(0)  NOT NULL,
    expires_at   datetime2(0)  NOT NULL,
    completed_at datetime2(0)  NULL,
    run_id       int           NULL,
    CONSTRAINT pk_etl_job_lease PRIMARY KEY (job, period),
    CONSTRAINT fk_etl_job_lease_run FOREIGN KEY (run_id) REFERENCES etl.run (run_id)
);
CREATE SYNONYM dbo.etl_job_lease FOR etl.job_lease;

CREATE TABLE etl.job_pause (
    job       nvarchar(100) NOT NULL,
    paused_at datetime2(0)  NOT NULL,
    paused_by nvarchar(200) NOT NULL,
    CONSTRAINT pk_etl_job_pause PRIMARY KEY (job)
);
CREATE SYNONYM dbo.etl_job_pause FOR etl.job_pause;
