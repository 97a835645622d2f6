-- ETL schema: every load is a snapshot (the audit dimension), bad rows go to quarantine,
-- every job run goes to the run ledger, and changed date ranges are queued for rebuild.
--
-- How the SQL Server migrations differ from sql/sqlite/ (same numbers, tables and columns):
--   * Tables live in the schemas etl, dim and fact. Each is also reachable under the flat name the
--     SQLite warehouse uses (dbo.etl_snapshot, dbo.dim_agency, ...) through a synonym, so the
--     application's portable DML runs unchanged on both databases. Schema etl is created by
--     runner/create_version_table.sql, which runs before any migration.
--   * Text is nvarchar (Vietnamese), and codes are nvarchar too: Dapper binds .NET strings as
--     nvarchar, and comparing a varchar column with an nvarchar parameter converts the column row by
--     row, which turns index seeks into scans.
--   * Timestamps are datetime2(0), calendar dates are date; the application may pass ISO 8601 text
--     ('yyyy-MM-dd', 'yyyy-MM-ddTHH:mm:ss'), which converts implicitly and independently of the
--     session language. 0/1 flags are bit. Measures stay float (SQLite's REAL), so both databases
--     compute and compare the same doubles; money is decimal(18,2).
--   * Generated keys are IDENTITY: portable INSERTs leave them out, as they do on SQLite.
--   * Batches are separated by lines holding only GO; the runner applies a migration in one
--     transaction and records it, so these scripts carry no IF NOT EXISTS guards.

CREATE TABLE etl.snapshot (
    snapshot_id      int           IDENTITY(1, 1) NOT NULL,
    source           nvarchar(20)  NOT NULL,
    file_name        nvarchar(400) NOT NULL,
    file_hash        nvarchar(64)  NOT NULL,    -- SHA-256 of the file content: same content => same snapshot
    profile          nvarchar(100) NULL,        -- mapping profile used, NULL for canonical files
    as_of            datetime2(0)  NOT NULL,    -- the moment the source state describes (local time)
    loaded_at        datetime2(0)  NOT NULL,
    rows_read        int           NOT NULL CONSTRAINT df_etl_snapshot_rows_read DEFAULT 0,
    rows_inserted    int           NOT NULL CONSTRAINT df_etl_snapshot_rows_inserted DEFAULT 0,
    rows_updated     int           NOT NULL CONSTRAINT df_etl_snapshot_rows_updated DEFAULT 0,
    rows_unchanged   int           NOT NULL CONSTRAINT df_etl_snapshot_rows_unchanged DEFAULT 0,
    rows_quarantined int           NOT NULL CONSTRAINT df_etl_snapshot_rows_quarantined DEFAULT 0,
    code_version     nvarchar(50)  NOT NULL,
    reverted_at      datetime2(0)  NULL,
    CONSTRAINT pk_etl_snapshot PRIMARY KEY (snapshot_id),
    CONSTRAINT uq_etl_snapshot_source_hash UNIQUE (source, file_hash),
    CONSTRAINT ck_etl_snapshot_source CHECK (source IN ('onestop', 'pakn', 'digitization', 'targets', 'figures', 'agencies'))
);
CREATE SYNONYM dbo.etl_snapshot FOR etl.snapshot;

CREATE TABLE etl.quarantine (
    quarantine_id bigint         IDENTITY(1, 1) NOT NULL,
    snapshot_id   int            NOT NULL,
    source        nvarchar(20)   NOT NULL,
    file_name     nvarchar(400)  NOT NULL,
    line_no       int            NOT NULL,      -- 1-based line (CSV), element index (JSON) or row (XLSX)
    -- Key and reason quote the bad row's own values, of any length: unbounded as on SQLite, so that a row is
    -- quarantined however long its values (a bounded column would fail the whole load instead).
    record_key    nvarchar(max)  NULL,          -- natural key of the row when it could be read
    field         nvarchar(100)  NOT NULL,
    reason        nvarchar(max)  NOT NULL,
    raw_record    nvarchar(max)  NOT NULL,      -- the row as read, JSON, so it can be fixed and re-supplied
    created_at    datetime2(0)   NOT NULL,
    resolved_at   datetime2(0)   NULL,
    CONSTRAINT pk_etl_quarantine PRIMARY KEY (quarantine_id),
    CONSTRAINT fk_etl_quarantine_snapshot FOREIGN KEY (snapshot_id) REFERENCES etl.snapshot (snapshot_id)
);
CREATE INDEX ix_etl_quarantine_snapshot ON etl.quarantine (snapshot_id);
CREATE INDEX ix_etl_quarantine_open ON etl.quarantine (source, resolved_at);
CREATE SYNONYM dbo.etl_quarantine FOR etl.quarantine;

CREATE TABLE etl.run (
    run_id     int           IDENTITY(1, 1) NOT NULL,
    job        nvarchar(100) NOT NULL,
    parameters nvarchar(max) NULL,
    started_at datetime2(3)  NOT NULL,          -- milliseconds: the ledger shows how long steps take
    ended_at   datetime2(3)  NULL,
    state      nvarchar(10)  NOT NULL,
    rows       bigint        NULL,
    error      nvarchar(max) NULL,
    CONSTRAINT pk_etl_run PRIMARY KEY (run_id),
    CONSTRAINT ck_etl_run_state CHECK (state IN ('running', 'succeeded', 'failed', 'skipped'))
);
CREATE INDEX ix_etl_run_job ON etl.run (job, started_at);
CREATE SYNONYM dbo.etl_run FOR etl.run;

-- Date ranges whose measures are stale because a load changed facts inside them.
CREATE TABLE etl.rebuild_queue (
    queue_id      int          IDENTITY(1, 1) NOT NULL,
    snapshot_id   int          NULL,
    from_date_key int          NOT NULL,
    to_date_key   int          NOT NULL,
    marked_at     datetime2(0) NOT NULL,
    CONSTRAINT pk_etl_rebuild_queue PRIMARY KEY (queue_id),
    CONSTRAINT fk_etl_rebuild_queue_snapshot FOREIGN KEY (snapshot_id) REFERENCES etl.snapshot (snapshot_id),
    CONSTRAINT ck_etl_rebuild_queue_range CHECK (from_date_key <= to_date_key)
);
CREATE SYNONYM dbo.etl_rebuild_queue FOR etl.rebuild_queue;
