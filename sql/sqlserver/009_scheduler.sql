-- The schedule of `iw serve`, kept by Quartz.NET's persistent job store (JobStoreTX, clustered) so that every server
-- on this warehouse shares one schedule (see sql/sqlite/009_scheduler.sql). Quartz reaches the tables in schema etl
-- directly (table prefix etl.QRTZ_); the dbo synonyms give them the flat names they have on SQLite, as for every table.
--
-- Names and columns are Quartz 3.x's own, spelled as its SQL spells them, so they resolve under a case-sensitive
-- collation too; types and lengths are those of Quartz's SQL Server schema (times are UTC ticks, bigint), with the
-- optional columns of Quartz 3.17-3.19 and the index set of Quartz 3.20, every index led by SCHED_NAME.

CREATE TABLE etl.QRTZ_JOB_DETAILS (
    SCHED_NAME        nvarchar(120)  NOT NULL,
    JOB_NAME          nvarchar(150)  NOT NULL,
    JOB_GROUP         nvarchar(150)  NOT NULL,
    DESCRIPTION       nvarchar(250)  NULL,
    JOB_CLASS_NAME    nvarchar(250)  NOT NULL,
    IS_DURABLE        bit            NOT NULL,
    IS_NONCONCURRENT  bit            NOT NULL,
    IS_UPDATE_DATA    bit            NOT NULL,
    REQUESTS_RECOVERY bit            NOT NULL,
    JOB_DATA          varbinary(max) NULL,
    CONSTRAINT pk_qrtz_job_details PRIMARY KEY (SCHED_NAME, JOB_NAME, JOB_GROUP)
);
CREATE SYNONYM dbo.QRTZ_JOB_DETAILS FOR etl.QRTZ_JOB_DETAILS;

CREATE TABLE etl.QRTZ_TRIGGERS (
    SCHED_NAME             nvarchar(120)  NOT NULL,
    TRIGGER_NAME           nvarchar(150)  NOT NULL,
    TRIGGER_GROUP          nvarchar(150)  NOT NULL,
    JOB_NAME               nvarchar(150)  NOT NULL,
    JOB_GROUP              nvarchar(150)  NOT NULL,
    DESCRIPTION            nvarchar(250)  NULL,
    NEXT_FIRE_TIME         bigint         NULL,
    PREV_FIRE_TIME         bigint         NULL,
    PRIORITY               int            NULL,
    TRIGGER_STATE          nvarchar(16)   NOT NULL,
    TRIGGER_TYPE           nvarchar(8)    NOT NULL,
    START_TIME             bigint         NOT NULL,
    END_TIME               bigint         NULL,
    CALENDAR_NAME          nvarchar(200)  NULL,
    MISFIRE_INSTR          int            NULL,
    MISFIRE_ORIG_FIRE_TIME bigint         NULL,
    EXECUTION_GROUP        nvarchar(200)  NULL,
    PREFERRED_NODE         nvarchar(200)  NULL,
    PREFERRED_NODE_AUTO    bit            NOT NULL CONSTRAINT df_qrtz_triggers_preferred_node_auto DEFAULT 0,
    JOB_DATA               varbinary(max) NULL,
    CONSTRAINT pk_qrtz_triggers PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT fk_qrtz_triggers_job FOREIGN KEY (SCHED_NAME, JOB_NAME, JOB_GROUP)
        REFERENCES etl.QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP)
);
CREATE SYNONYM dbo.QRTZ_TRIGGERS FOR etl.QRTZ_TRIGGERS;
CREATE INDEX IDX_QRTZ_T_G_J ON etl.QRTZ_TRIGGERS (SCHED_NAME, JOB_GROUP, JOB_NAME);
CREATE INDEX IDX_QRTZ_T_C ON etl.QRTZ_TRIGGERS (SCHED_NAME, CALENDAR_NAME);
CREATE INDEX IDX_QRTZ_T_N_G_STATE ON etl.QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_GROUP, TRIGGER_STATE);
CREATE INDEX IDX_QRTZ_T_N_STATE ON etl.QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP, TRIGGER_STATE);
CREATE INDEX IDX_QRTZ_T_NEXT_FIRE_TIME ON etl.QRTZ_TRIGGERS (SCHED_NAME, NEXT_FIRE_TIME);
CREATE INDEX IDX_QRTZ_T_NFT_ST ON etl.QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME);
CREATE INDEX IDX_QRTZ_T_NFT_ST_MISFIRE ON etl.QRTZ_TRIGGERS (SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME, TRIGGER_STATE);
CREATE INDEX IDX_QRTZ_T_NFT_ST_MISFIRE_GRP ON etl.QRTZ_TRIGGERS (SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME, TRIGGER_GROUP, TRIGGER_STATE);

CREATE TABLE etl.QRTZ_CRON_TRIGGERS (
    SCHED_NAME      nvarchar(120) NOT NULL,
    TRIGGER_NAME    nvarchar(150) NOT NULL,
    TRIGGER_GROUP   nvarchar(150) NOT NULL,
    CRON_EXPRESSION nvarchar(120) NOT NULL,
    TIME_ZONE_ID    nvarchar(80)  NULL,
    CONSTRAINT pk_qrtz_cron_triggers PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT fk_qrtz_cron_triggers_trigger FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
        REFERENCES etl.QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
);
CREATE SYNONYM dbo.QRTZ_CRON_TRIGGERS FOR etl.QRTZ_CRON_TRIGGERS;

CREATE TABLE etl.QRTZ_SIMPLE_TRIGGERS (
    SCHED_NAME      nvarchar(120) NOT NULL,
    TRIGGER_NAME    nvarchar(150) NOT NULL,
    TRIGGER_GROUP   nvarchar(150) NOT NULL,
    REPEAT_COUNT    int           NOT NULL,
    REPEAT_INTERVAL bigint        NOT NULL,
    TIMES_TRIGGERED int           NOT NULL,
    CONSTRAINT pk_qrtz_simple_triggers PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT fk_qrtz_simple_triggers_trigger FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
        REFERENCES etl.QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
);
CREATE SYNONYM dbo.QRTZ_SIMPLE_TRIGGERS FOR etl.QRTZ_SIMPLE_TRIGGERS;

CREATE TABLE etl.QRTZ_SIMPROP_TRIGGERS (
    SCHED_NAME    nvarchar(120) NOT NULL,
    TRIGGER_NAME  nvarchar(150) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    STR_PROP_1    nvarchar(512) NULL,
    STR_PROP_2    nvarchar(512) NULL,
    STR_PROP_3    nvarchar(512) NULL,
    INT_PROP_1    int           NULL,
    INT_PROP_2    int           NULL,
    LONG_PROP_1   bigint        NULL,
    LONG_PROP_2   bigint        NULL,
    DEC_PROP_1    numeric(13,4) NULL,
    DEC_PROP_2    numeric(13,4) NULL,
    BOOL_PROP_1   bit           NULL,
    BOOL_PROP_2   bit           NULL,
    TIME_ZONE_ID  nvarchar(80)  NULL,
    CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT fk_qrtz_simprop_triggers_trigger FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
        REFERENCES etl.QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
);
CREATE SYNONYM dbo.QRTZ_SIMPROP_TRIGGERS FOR etl.QRTZ_SIMPROP_TRIGGERS;

CREATE TABLE etl.QRTZ_BLOB_TRIGGERS (
    SCHED_NAME    nvarchar(120)  NOT NULL,
    TRIGGER_NAME  nvarchar(150)  NOT NULL,
    TRIGGER_GROUP nvarchar(150)  NOT NULL,
    BLOB_DATA     varbinary(max) NULL,
    CONSTRAINT pk_qrtz_blob_triggers PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
    CONSTRAINT fk_qrtz_blob_triggers_trigger FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)
        REFERENCES etl.QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
);
CREATE SYNONYM dbo.QRTZ_BLOB_TRIGGERS FOR etl.QRTZ_BLOB_TRIGGERS;

CREATE TABLE etl.QRTZ_CALENDARS (
    SCHED_NAME    nvarchar(120)  NOT NULL,
    CALENDAR_NAME nvarchar(200)  NOT NULL,
    CALENDAR      varbinary(max) NOT NULL,
    CONSTRAINT pk_qrtz_calendars PRIMARY KEY (SCHED_NAME, CALENDAR_NAME)
);
CREATE SYNONYM dbo.QRTZ_CALENDARS FOR etl.QRTZ_CALENDARS;

CREATE TABLE etl.QRTZ_PAUSED_TRIGGER_GRPS (
    SCHED_NAME    nvarchar(120) NOT NULL,
    TRIGGER_GROUP nvarchar(150) NOT NULL,
    CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (SCHED_NAME, TRIGGER_GROUP)
);
CREATE SYNONYM dbo.QRTZ_PAUSED_TRIGGER_GRPS FOR etl.QRTZ_PAUSED_TRIGGER_GRPS;

CREATE TABLE etl.QRTZ_FIRED_TRIGGERS (
    SCHED_NAME        nvarchar(120) NOT NULL,
    ENTRY_ID          nvarchar(140) NOT NULL,
    TRIGGER_NAME      nvarchar(150) NOT NULL,
    TRIGGER_GROUP     nvarchar(150) NOT NULL,
    INSTANCE_NAME     nvarchar(200) NOT NULL,
    FIRED_TIME        bigint        NOT NULL,
    SCHED_TIME        bigint        NOT NULL,
    PRIORITY          int           NOT NULL,
    STATE             nvarchar(16)  NOT NULL,
    JOB_NAME          nvarchar(150) NULL,
    JOB_GROUP         nvarchar(150) NULL,
    IS_NONCONCURRENT  bit           NULL,
    REQUESTS_RECOVERY bit           NULL,
    EXECUTION_GROUP   nvarchar(200) NULL,
    CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (SCHED_NAME, ENTRY_ID)
);
CREATE SYNONYM dbo.QRTZ_FIRED_TRIGGERS FOR etl.QRTZ_FIRED_TRIGGERS;
CREATE INDEX IDX_QRTZ_FT_INST_JOB_REQ_RCVRY ON etl.QRTZ_FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY);
CREATE INDEX IDX_QRTZ_FT_G_J ON etl.QRTZ_FIRED_TRIGGERS (SCHED_NAME, JOB_GROUP, JOB_NAME);
CREATE INDEX IDX_QRTZ_FT_G_T ON etl.QRTZ_FIRED_TRIGGERS (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME);

CREATE TABLE etl.QRTZ_SCHEDULER_STATE (
    SCHED_NAME        nvarchar(120) NOT NULL,
    INSTANCE_NAME     nvarchar(200) NOT NULL,
    LAST_CHECKIN_TIME bigint        NOT NULL,
    CHECKIN_INTERVAL  bigint        NOT NULL,
    CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (SCHED_NAME, INSTANCE_NAME)
);
CREATE SYNONYM dbo.QRTZ_SCHEDULER_STATE FOR etl.QRTZ_SCHEDULER_STATE;

CREATE TABLE etl.QRTZ_LOCKS (
    SCHED_NAME nvarchar(120) NOT NULL,
    LOCK_NAME  nvarchar(40)  NOT NULL,
    CONSTRAINT pk_qrtz_locks PRIMARY KEY (SCHED_NAME, LOCK_NAME)
);
CREATE SYNONYM dbo.QRTZ_LOCKS FOR etl.QRTZ_LOCKS;
