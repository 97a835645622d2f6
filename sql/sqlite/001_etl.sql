-- ETL schema: every load is a snapshot (the audit dimension), bad rows go to quarantine,
-- every job run goes to the run ledger, and changed date ranges are queued for rebuild.

CREATE TABLE etl_snapshot (
    snapshot_id      INTEGER PRIMARY KEY,
    source           TEXT    NOT NULL CHECK (source IN ('onestop', 'pakn', 'digitization', 'targets', 'figures', 'agencies')),
    file_name        TEXT    NOT NULL,
    file_hash        TEXT    NOT NULL,          -- SHA-256 of the file content: same content => same snapshot
    profile          TEXT,                      -- mapping profile used, NULL for canonical files
    as_of            TEXT    NOT NULL,          -- the moment the source state describes (local time)
    loaded_at        TEXT    NOT NULL,
    rows_read        INTEGER NOT NULL DEFAULT 0,
    rows_inserted    INTEGER NOT NULL DEFAULT 0,
    rows_updated     INTEGER NOT NULL DEFAULT 0,
    rows_unchanged   INTEGER NOT NULL DEFAULT 0,
    rows_quarantined INTEGER NOT NULL DEFAULT 0,
    code_version     TEXT    NOT NULL,
    reverted_at      TEXT,
    UNIQUE (source, file_hash)
);

CREATE TABLE etl_quarantine (
    quarantine_id INTEGER PRIMARY KEY,
    snapshot_id   INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    source        TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    line_no       INTEGER NOT NULL,             -- 1-based line (CSV), element index (JSON) or row (XLSX)
    record_key    TEXT,                         -- natural key of the row when it could be read
    field         TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    raw_record    TEXT    NOT NULL,             -- the row as read, JSON, so it can be fixed and re-supplied
    created_at    TEXT    NOT NULL,
    resolved_at   TEXT
);
CREATE INDEX ix_etl_quarantine_snapshot ON etl_quarantine (snapshot_id);
CREATE INDEX ix_etl_quarantine_open ON etl_quarantine (source, resolved_at);

CREATE TABLE etl_run (
    run_id     INTEGER PRIMARY KEY,
    job        TEXT    NOT NULL,
    parameters TEXT,
    started_at TEXT    NOT NULL,
    ended_at   TEXT,
    state      TEXT    NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'skipped')),
    rows       INTEGER,
    error      TEXT
);
CREATE INDEX ix_etl_run_job ON etl_run (job, started_at);

-- Date ranges whose measures are stale because a load changed facts inside them.
CREATE TABLE etl_rebuild_queue (
    queue_id      INTEGER PRIMARY KEY,
    snapshot_id   INTEGER REFERENCES etl_snapshot (snapshot_id),
    from_date_key INTEGER NOT NULL,
    to_date_key   INTEGER NOT NULL,
    marked_at     TEXT    NOT NULL,
    CHECK (from_date_key <= to_date_key)
);
