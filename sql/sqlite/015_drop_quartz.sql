-- Quartz.NET gave way to Hangfire (issue 14): its tables of migration 009 go, with their indexes. On SQLite each
-- server keeps its Hangfire schedule in memory, the run ledger (etl_run) and the leases (etl_job_lease) being the
-- record that outlives a restart (dashboards/README.md says why). Triggers of every kind before the triggers, those
-- before the jobs: the order their keys need.

DROP TABLE QRTZ_CRON_TRIGGERS;
DROP TABLE QRTZ_SIMPLE_TRIGGERS;
DROP TABLE QRTZ_SIMPROP_TRIGGERS;
DROP TABLE QRTZ_BLOB_TRIGGERS;
DROP TABLE QRTZ_FIRED_TRIGGERS;
DROP TABLE QRTZ_TRIGGERS;
DROP TABLE QRTZ_JOB_DETAILS;
DROP TABLE QRTZ_CALENDARS;
DROP TABLE QRTZ_PAUSED_TRIGGER_GRPS;
DROP TABLE QRTZ_SCHEDULER_STATE;
DROP TABLE QRTZ_LOCKS;
