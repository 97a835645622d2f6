-- Quartz.NET gave way to Hangfire (issue 14): its tables of migration 009 in schema etl go, with their dbo synonyms.
-- Hangfire.SqlServer keeps its schedule in schema hangfire, which it creates and upgrades itself when `iw serve`
-- starts (sql/sqlserver/README.md: the service login's permissions). Triggers of every kind before the triggers,
-- those before the jobs: the order their foreign keys need.

DROP SYNONYM dbo.QRTZ_CRON_TRIGGERS;
DROP TABLE etl.QRTZ_CRON_TRIGGERS;
DROP SYNONYM dbo.QRTZ_SIMPLE_TRIGGERS;
DROP TABLE etl.QRTZ_SIMPLE_TRIGGERS;
DROP SYNONYM dbo.QRTZ_SIMPROP_TRIGGERS;
DROP TABLE etl.QRTZ_SIMPROP_TRIGGERS;
DROP SYNONYM dbo.QRTZ_BLOB_TRIGGERS;
DROP TABLE etl.QRTZ_BLOB_TRIGGERS;
DROP SYNONYM dbo.QRTZ_FIRED_TRIGGERS;
DROP TABLE etl.QRTZ_FIRED_TRIGGERS;
DROP SYNONYM dbo.QRTZ_TRIGGERS;
DROP TABLE etl.QRTZ_TRIGGERS;
DROP SYNONYM dbo.QRTZ_JOB_DETAILS;
DROP TABLE etl.QRTZ_JOB_DETAILS;
DROP SYNONYM dbo.QRTZ_CALENDARS;
DROP TABLE etl.QRTZ_CALENDARS;
DROP SYNONYM dbo.QRTZ_PAUSED_TRIGGER_GRPS;
DROP TABLE etl.QRTZ_PAUSED_TRIGGER_GRPS;
DROP SYNONYM dbo.QRTZ_SCHEDULER_STATE;
DROP TABLE etl.QRTZ_SCHEDULER_STATE;
DROP SYNONYM dbo.QRTZ_LOCKS;
DROP TABLE etl.QRTZ_LOCKS;
