-- Operations: reverting a snapshot, settling quarantine entries, and figures reported by hand.

-- A reverted snapshot's file may be loaded again, so a content hash is unique only among the snapshots in
-- force: 001's UNIQUE (source, file_hash) becomes a partial unique index. SQLite cannot drop a constraint,
-- so the table is rebuilt as https://sqlite.org/lang_altertable.html#otheralter describes: the runner
-- applies SQLite migrations with foreign keys off and checks every key before it commits (the tables that
-- reference etl_snapshot keep naming it), and legacy_alter_table stops the rename from re-checking the
-- views that read etl_snapshot while it is briefly away.
CREATE TABLE etl_snapshot_rebuilt (
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
    reverted_at      TEXT
);
INSERT INTO etl_snapshot_rebuilt (snapshot_id, source, file_name, file_hash, profile, as_of, loaded_at, rows_read, rows_inserted,
    rows_updated, rows_unchanged, rows_quarantined, code_version, reverted_at)
SELECT snapshot_id, source, file_name, file_hash, profile, as_of, loaded_at, rows_read, rows_inserted,
    rows_updated, rows_unchanged, rows_quarantined, code_version, reverted_at
FROM etl_snapshot;
DROP TABLE etl_snapshot;
PRAGMA legacy_alter_table = ON;
ALTER TABLE etl_snapshot_rebuilt RENAME TO etl_snapshot;
PRAGMA legacy_alter_table = OFF;
CREATE UNIQUE INDEX ux_etl_snapshot_source_hash ON etl_snapshot (source, file_hash) WHERE reverted_at IS NULL;

-- Which snapshot settled a quarantine entry (a later row of the same record that loaded), so reverting that
-- snapshot opens the entry again.
ALTER TABLE etl_quarantine ADD COLUMN resolved_by_snapshot_id INTEGER REFERENCES etl_snapshot (snapshot_id);

-- Prior versions of the rows a snapshot changed (row_json: the replaced row, keyed by the snapshot that
-- replaced it), as fact_dossier_history keeps them for dossiers: reverting the snapshot puts them back.
CREATE INDEX ix_fact_dossier_history_snapshot ON fact_dossier_history (replaced_by_snapshot_id);

CREATE TABLE fact_pakn_history (
    pakn_key                INTEGER NOT NULL,
    replaced_by_snapshot_id INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    row_json                TEXT    NOT NULL,
    PRIMARY KEY (pakn_key, replaced_by_snapshot_id)
);
CREATE INDEX ix_fact_pakn_history_snapshot ON fact_pakn_history (replaced_by_snapshot_id);

CREATE TABLE fact_digitization_history (
    dossier_code            TEXT    NOT NULL,
    replaced_by_snapshot_id INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    row_json                TEXT    NOT NULL,
    PRIMARY KEY (dossier_code, replaced_by_snapshot_id)
);
CREATE INDEX ix_fact_digitization_history_snapshot ON fact_digitization_history (replaced_by_snapshot_id);

CREATE TABLE fact_target_history (
    target_id               INTEGER NOT NULL,
    replaced_by_snapshot_id INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    row_json                TEXT    NOT NULL,
    PRIMARY KEY (target_id, replaced_by_snapshot_id)
);
CREATE INDEX ix_fact_target_history_snapshot ON fact_target_history (replaced_by_snapshot_id);

-- Procedure attributes follow the latest snapshot (type 1); the values a snapshot overwrote come back when
-- it is reverted, unless a later snapshot has overwritten them again.
CREATE TABLE dim_procedure_history (
    procedure_key           INTEGER NOT NULL,
    replaced_by_snapshot_id INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    row_json                TEXT    NOT NULL,
    PRIMARY KEY (procedure_key, replaced_by_snapshot_id)
);
CREATE INDEX ix_dim_procedure_history_snapshot ON dim_procedure_history (replaced_by_snapshot_id);

-- The snapshot that first loaded a target (snapshot_id is the one that wrote its current version): a target a
-- snapshot inserted is removed when that snapshot is reverted. Every load sets it; SQLite cannot add a NOT NULL
-- column without a default, SQL Server's column is NOT NULL.
ALTER TABLE fact_target ADD COLUMN first_snapshot_id INTEGER REFERENCES etl_snapshot (snapshot_id);
UPDATE fact_target SET first_snapshot_id = snapshot_id;

-- Figures a unit reported by hand for what no source feeds yet (procedures simplified, plan tasks done, the
-- portal's own 766 ratios), each with the document and clause it comes from. The build copies them into
-- fact_indicator_value for their unit, period and indicator, where a figure takes the place of a computed value.
CREATE TABLE fact_figure (
    figure_id         INTEGER PRIMARY KEY,
    agency_code       TEXT    NOT NULL,
    period_code       TEXT    NOT NULL REFERENCES dim_period (period_code),
    indicator_code    TEXT    NOT NULL REFERENCES dim_indicator (indicator_code),
    numerator         REAL,
    denominator       REAL,
    value             REAL,                     -- a rate in percent (NULL when the denominator is 0), else the count
    source_document   TEXT    NOT NULL,
    clause            TEXT    NOT NULL,
    first_snapshot_id INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    last_snapshot_id  INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    UNIQUE (agency_code, period_code, indicator_code)
);
CREATE INDEX ix_fact_figure_period ON fact_figure (period_code);

CREATE TABLE fact_figure_history (
    figure_id               INTEGER NOT NULL,
    replaced_by_snapshot_id INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    row_json                TEXT    NOT NULL,
    PRIMARY KEY (figure_id, replaced_by_snapshot_id)
);
CREATE INDEX ix_fact_figure_history_snapshot ON fact_figure_history (replaced_by_snapshot_id);
