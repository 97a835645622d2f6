-- Facts. Source columns keep the source's values (NULL = unknown); *_key columns are derived at load
-- by the domain rules (deadline, outcome) so that the measure build only compares integers.

-- Accumulating snapshot: one row per dossier, milestones updated by later snapshots.
CREATE TABLE fact_dossier (
    dossier_key          INTEGER PRIMARY KEY,
    dossier_code         TEXT    NOT NULL UNIQUE,
    agency_key           INTEGER NOT NULL REFERENCES dim_agency (agency_key),
    procedure_key        INTEGER NOT NULL REFERENCES dim_procedure (procedure_key),
    channel_key          INTEGER NOT NULL REFERENCES dim_channel (channel_key),
    applicant_type       INTEGER CHECK (applicant_type IN (1, 2)),
    received_at          TEXT    NOT NULL,
    due_at               TEXT,
    finished_at          TEXT,
    returned_at          TEXT,
    status               INTEGER CHECK (status BETWEEN 1 AND 10),
    fee_amount           REAL    NOT NULL DEFAULT 0,
    paid_online          INTEGER NOT NULL DEFAULT 0 CHECK (paid_online IN (0, 1, 2)),
    supplement_requests  INTEGER NOT NULL DEFAULT 0,
    supplement_wait_days REAL    NOT NULL DEFAULT 0,
    apology_issued       INTEGER NOT NULL DEFAULT 0 CHECK (apology_issued IN (0, 1)),
    late_reason          TEXT,
    citizen_rating       TEXT CHECK (citizen_rating IN ('like', 'dislike')),
    -- derived by the counting rules (Domain/Counting): see docs/data-dictionary.md
    received_date_key    INTEGER NOT NULL,
    end_date_key         INTEGER,               -- finished, else returned
    deadline_date_key    INTEGER,               -- due + supplement wait, NULL when no due date
    outcome              INTEGER CHECK (outcome IN (1, 2, 3)),   -- when ended: 1 early, 2 on time, 3 late
    overdue_from_key     INTEGER,               -- first day a pending dossier counts as overdue; NULL = never
    is_withdrawn         INTEGER NOT NULL DEFAULT 0 CHECK (is_withdrawn IN (0, 1)),   -- status 7 or 8
    source_as_of         TEXT    NOT NULL,      -- as-of of the snapshot that wrote this version
    first_snapshot_id    INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    last_snapshot_id     INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id)
);
CREATE INDEX ix_fact_dossier_agency_received ON fact_dossier (agency_key, received_date_key);
CREATE INDEX ix_fact_dossier_pending ON fact_dossier (end_date_key, deadline_date_key);
CREATE INDEX ix_fact_dossier_snapshot ON fact_dossier (last_snapshot_id);

-- Prior versions of dossier rows, written when a snapshot changes a row, so a load can be reverted.
CREATE TABLE fact_dossier_history (
    dossier_key       INTEGER NOT NULL,
    replaced_by_snapshot_id INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    row_json          TEXT    NOT NULL,
    PRIMARY KEY (dossier_key, replaced_by_snapshot_id)
);

CREATE TABLE fact_pakn (
    pakn_key          INTEGER PRIMARY KEY,
    feedback_code     TEXT    NOT NULL UNIQUE,
    agency_key        INTEGER NOT NULL REFERENCES dim_agency (agency_key),
    channel           TEXT,
    category          TEXT,
    received_at       TEXT    NOT NULL,
    transferred_at    TEXT,
    due_at            TEXT,
    handled_at        TEXT,
    state             TEXT CHECK (state IN ('waiting', 'processing', 'handled', 'refused', 'returned', 'waiting_publish', 'published')),
    published_at      TEXT,
    reaction          TEXT CHECK (reaction IN ('like', 'dislike')),
    received_date_key INTEGER NOT NULL,
    handled_date_key  INTEGER,
    deadline_date_key INTEGER NOT NULL,         -- due, else received/transferred + working-day limit
    source_as_of      TEXT    NOT NULL,
    first_snapshot_id INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    last_snapshot_id  INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id)
);
CREATE INDEX ix_fact_pakn_agency_received ON fact_pakn (agency_key, received_date_key);

CREATE TABLE fact_digitization (
    dossier_code        TEXT    PRIMARY KEY,    -- joins fact_dossier.dossier_code; may arrive before the dossier
    agency_key          INTEGER NOT NULL REFERENCES dim_agency (agency_key),
    documents_submitted INTEGER NOT NULL DEFAULT 0,
    documents_digitized INTEGER NOT NULL DEFAULT 0,
    documents_reused    INTEGER NOT NULL DEFAULT 0,
    from_personal_store INTEGER NOT NULL DEFAULT 0 CHECK (from_personal_store IN (0, 1)),
    population_db_used  INTEGER NOT NULL DEFAULT 0 CHECK (population_db_used IN (0, 1)),
    result_required     INTEGER CHECK (result_required IN (0, 1)),
    result_electronic   INTEGER CHECK (result_electronic IN (0, 1)),
    result_file_url     TEXT,
    source_as_of        TEXT    NOT NULL,
    first_snapshot_id   INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    last_snapshot_id    INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id)
);

-- Targets from the departments' own plans, always with the document and clause.
CREATE TABLE fact_target (
    target_id       INTEGER PRIMARY KEY,
    agency_code     TEXT NOT NULL,              -- or '*' for every unit
    indicator_code  TEXT NOT NULL REFERENCES dim_indicator (indicator_code),
    period_spec     TEXT NOT NULL,              -- as declared: 2022, 2021-2025, 2026-Q1, 2026-10
    start_key       INTEGER NOT NULL,
    end_key         INTEGER NOT NULL,
    comparator      TEXT NOT NULL CHECK (comparator IN ('>=', '<=', '=')),
    target_value    REAL NOT NULL,
    source_document TEXT NOT NULL,
    clause          TEXT NOT NULL,
    snapshot_id     INTEGER NOT NULL REFERENCES etl_snapshot (snapshot_id),
    UNIQUE (agency_code, indicator_code, period_spec, source_document, clause)
);

-- Periodic snapshot: unit x period x indicator. Rates keep numerator and denominator;
-- value is NULL when the denominator is 0 (null is not zero).
CREATE TABLE fact_indicator_value (
    agency_code    TEXT    NOT NULL,            -- the durable unit code (all versions of the unit in dim_agency)
    period_code    TEXT    NOT NULL REFERENCES dim_period (period_code),
    indicator_code TEXT    NOT NULL REFERENCES dim_indicator (indicator_code),
    numerator      REAL,
    denominator    REAL,
    value          REAL,
    rule_version   TEXT    NOT NULL,
    build_id       INTEGER NOT NULL,
    PRIMARY KEY (agency_code, period_code, indicator_code)
);
CREATE INDEX ix_fact_indicator_value_period ON fact_indicator_value (period_code, indicator_code);
