-- Facts. Source columns keep the source's values (NULL = unknown); *_key columns are derived at load
-- by the domain rules (deadline, outcome) so that the measure build only compares integers.
-- Conventions: see 001_etl.sql.
--
-- Storage: the accumulating fact_dossier is updated by later snapshots, so it stays a rowstore
-- (clustered on its key, cheap single-row updates) with a nonclustered columnstore index over the
-- columns the measure build scans. The periodic fact_indicator_value is written once per build and
-- then only read in bulk, so its rows live in a clustered columnstore.
--
-- Partitioning (not applied here; worthwhile from tens of millions of dossiers, see
-- sql/sqlserver/README.md): partition fact.dossier and fact.pakn by year of received_date_key with
--   CREATE PARTITION FUNCTION pf_year (int) AS RANGE RIGHT FOR VALUES (20160101, 20170101, ...);
--   CREATE PARTITION SCHEME ps_year AS PARTITION pf_year ALL TO ([PRIMARY]);  -- or one filegroup per year
-- and rebuild their clustered indexes ON ps_year (received_date_key). Aligned unique indexes must
-- then contain received_date_key (the primary key becomes (dossier_key, received_date_key); the
-- code's uniqueness stays a non-aligned index). A closed year can then be compressed, made read-only
-- and backed up once, and the measure build of one year touches one partition. fact.indicator_value
-- would be partitioned the same way through a persisted year column derived from period_code.

CREATE SCHEMA fact;
GO

-- Accumulating snapshot: one row per dossier, milestones updated by later snapshots.
CREATE TABLE fact.dossier (
    dossier_key          bigint         IDENTITY(1, 1) NOT NULL,
    dossier_code         nvarchar(100)  NOT NULL,
    agency_key           int            NOT NULL,
    procedure_key        int            NOT NULL,
    channel_key          int            NOT NULL,
    applicant_type       tinyint        NULL,
    received_at          datetime2(0)   NOT NULL,
    due_at               datetime2(0)   NULL,
    finished_at          datetime2(0)   NULL,
    returned_at          datetime2(0)   NULL,
    status               tinyint        NULL,
    fee_amount           decimal(18, 2) NOT NULL CONSTRAINT df_fact_dossier_fee_amount DEFAULT 0,
    paid_online          tinyint        NOT NULL CONSTRAINT df_fact_dossier_paid_online DEFAULT 0,
    supplement_requests  int            NOT NULL CONSTRAINT df_fact_dossier_supplement_requests DEFAULT 0,
    supplement_wait_days float          NOT NULL CONSTRAINT df_fact_dossier_supplement_wait_days DEFAULT 0,
    apology_issued       bit            NOT NULL CONSTRAINT df_fact_dossier_apology_issued DEFAULT 0,
    late_reason          nvarchar(1000) NULL,
    citizen_rating       nvarchar(10)   NULL,
    -- derived by the counting rules (Domain/Counting): see docs/data-dictionary.md
    received_date_key    int            NOT NULL,
    end_date_key         int            NULL,   -- finished, else returned
    deadline_date_key    int            NULL,   -- due + supplement wait, NULL when no due date
    outcome              tinyint        NULL,   -- when ended: 1 early, 2 on time, 3 late
    overdue_from_key     int            NULL,   -- first day a pending dossier counts as overdue; NULL = never
    is_withdrawn         bit            NOT NULL CONSTRAINT df_fact_dossier_is_withdrawn DEFAULT 0,   -- status 7 or 8
    source_as_of         datetime2(0)   NOT NULL,   -- as-of of the snapshot that wrote this version
    first_snapshot_id    int            NOT NULL,
    last_snapshot_id     int            NOT NULL,
    CONSTRAINT pk_fact_dossier PRIMARY KEY CLUSTERED (dossier_key),
    CONSTRAINT uq_fact_dossier_code UNIQUE (dossier_code),
    CONSTRAINT fk_fact_dossier_agency FOREIGN KEY (agency_key) REFERENCES dim.agency (agency_key),
    CONSTRAINT fk_fact_dossier_procedure FOREIGN KEY (procedure_key) REFERENCES dim.[procedure] (procedure_key),
    CONSTRAINT fk_fact_dossier_channel FOREIGN KEY (channel_key) REFERENCES dim.channel (channel_key),
    CONSTRAINT fk_fact_dossier_first_snapshot FOREIGN KEY (first_snapshot_id) REFERENCES etl.snapshot (snapshot_id),
    CONSTRAINT fk_fact_dossier_last_snapshot FOREIGN KEY (last_snapshot_id) REFERENCES etl.snapshot (snapshot_id),
    CONSTRAINT ck_fact_dossier_applicant_type CHECK (applicant_type IN (1, 2)),
    CONSTRAINT ck_fact_dossier_status CHECK (status BETWEEN 1 AND 10),
    CONSTRAINT ck_fact_dossier_paid_online CHECK (paid_online IN (0, 1, 2)),
    CONSTRAINT ck_fact_dossier_citizen_rating CHECK (citizen_rating IN ('like', 'dislike')),
    CONSTRAINT ck_fact_dossier_outcome CHECK (outcome IN (1, 2, 3))
);
CREATE INDEX ix_fact_dossier_agency_received ON fact.dossier (agency_key, received_date_key);
CREATE INDEX ix_fact_dossier_pending ON fact.dossier (end_date_key, deadline_date_key);
CREATE INDEX ix_fact_dossier_snapshot ON fact.dossier (last_snapshot_id);
-- Batch-mode scans for the measure build; updatable, so later snapshots keep updating rows in place.
CREATE NONCLUSTERED COLUMNSTORE INDEX ncci_fact_dossier ON fact.dossier (
    agency_key, procedure_key, channel_key, applicant_type, status, fee_amount, paid_online,
    supplement_requests, supplement_wait_days, apology_issued, citizen_rating,
    received_date_key, end_date_key, deadline_date_key, outcome, overdue_from_key, is_withdrawn
);
CREATE SYNONYM dbo.fact_dossier FOR fact.dossier;

-- Prior versions of dossier rows, written when a snapshot changes a row, so a load can be reverted.
CREATE TABLE fact.dossier_history (
    dossier_key             bigint        NOT NULL,
    replaced_by_snapshot_id int           NOT NULL,
    row_json                nvarchar(max) NOT NULL,
    CONSTRAINT pk_fact_dossier_history PRIMARY KEY (dossier_key, replaced_by_snapshot_id),
    CONSTRAINT fk_fact_dossier_history_snapshot FOREIGN KEY (replaced_by_snapshot_id) REFERENCES etl.snapshot (snapshot_id)
);
CREATE SYNONYM dbo.fact_dossier_history FOR fact.dossier_history;

CREATE TABLE fact.pakn (
    pakn_key          bigint        IDENTITY(1, 1) NOT NULL,
    feedback_code     nvarchar(100) NOT NULL,
    agency_key        int           NOT NULL,
    channel           nvarchar(50)  NULL,
    category          nvarchar(200) NULL,
    received_at       datetime2(0)  NOT NULL,
    transferred_at    datetime2(0)  NULL,
    due_at            datetime2(0)  NULL,
    handled_at        datetime2(0)  NULL,
    state             nvarchar(20)  NULL,
    published_at      datetime2(0)  NULL,
    reaction          nvarchar(10)  NULL,
    received_date_key int           NOT NULL,
    handled_date_key  int           NULL,
    deadline_date_key int           NOT NULL,   -- due, else received/transferred + working-day limit
    source_as_of      datetime2(0)  NOT NULL,
    first_snapshot_id int           NOT NULL,
    last_snapshot_id  int           NOT NULL,
    CONSTRAINT pk_fact_pakn PRIMARY KEY (pakn_key),
    CONSTRAINT uq_fact_pakn_feedback_code UNIQUE (feedback_code),
    CONSTRAINT fk_fact_pakn_agency FOREIGN KEY (agency_key) REFERENCES dim.agency (agency_key),
    CONSTRAINT fk_fact_pakn_first_snapshot FOREIGN KEY (first_snapshot_id) REFERENCES etl.snapshot (snapshot_id),
    CONSTRAINT fk_fact_pakn_last_snapshot FOREIGN KEY (last_snapshot_id) REFERENCES etl.snapshot (snapshot_id),
    CONSTRAINT ck_fact_pakn_state CHECK (state IN ('waiting', 'processing', 'handled', 'refused', 'returned', 'waiting_publish', 'published')),
    CONSTRAINT ck_fact_pakn_reaction CHECK (reaction IN ('like', 'dislike'))
);
CREATE INDEX ix_fact_pakn_agency_received ON fact.pakn (agency_key, received_date_key);
CREATE SYNONYM dbo.fact_pakn FOR fact.pakn;

CREATE TABLE fact.digitization (
    dossier_code        nvarchar(100)  NOT NULL,   -- joins fact_dossier.dossier_code; may arrive before the dossier
    agency_key          int            NOT NULL,
    documents_submitted int            NOT NULL CONSTRAINT df_fact_digitization_documents_submitted DEFAULT 0,
    documents_digitized int            NOT NULL CONSTRAINT df_fact_digitization_documents_digitized DEFAULT 0,
    documents_reused    int            NOT NULL CONSTRAINT df_fact_digitization_documents_reused DEFAULT 0,
    from_personal_store bit            NOT NULL CONSTRAINT df_fact_digitization_from_personal_store DEFAULT 0,
    population_db_used  bit            NOT NULL CONSTRAINT df_fact_digitization_population_db_used DEFAULT 0,
    result_required     bit            NULL,
    result_electronic   bit            NULL,
    result_file_url     nvarchar(2000) NULL,
    source_as_of        datetime2(0)   NOT NULL,
    first_snapshot_id   int            NOT NULL,
    last_snapshot_id    int            NOT NULL,
    CONSTRAINT pk_fact_digitization PRIMARY KEY (dossier_code),
    CONSTRAINT fk_fact_digitization_agency FOREIGN KEY (agency_key) REFERENCES dim.agency (agency_key),
    CONSTRAINT fk_fact_digitization_first_snapshot FOREIGN KEY (first_snapshot_id) REFERENCES etl.snapshot (snapshot_id),
    CONSTRAINT fk_fact_digitization_last_snapshot FOREIGN KEY (last_snapshot_id) REFERENCES etl.snapshot (snapshot_id)
);
CREATE SYNONYM dbo.fact_digitization FOR fact.digitization;

-- Targets from the departments' own plans, always with the document and clause.
CREATE TABLE fact.target (
    target_id       int           IDENTITY(1, 1) NOT NULL,
    agency_code     nvarchar(50)  NOT NULL,     -- or '*' for every unit
    indicator_code  nvarchar(100) NOT NULL,
    period_spec     nvarchar(20)  NOT NULL,     -- as declared: 2022, 2021-2025, 2026-Q1, 2026-10
    start_key       int           NOT NULL,
    end_key         int           NOT NULL,
    comparator      nvarchar(2)   NOT NULL,
    target_value    float         NOT NULL,
    source_document nvarchar(300) NOT NULL,     -- sized so the natural key stays under the 1,700-byte index key limit
    clause          nvarchar(200) NOT NULL,
    snapshot_id     int           NOT NULL,
    CONSTRAINT pk_fact_target PRIMARY KEY (target_id),
    CONSTRAINT uq_fact_target_natural UNIQUE (agency_code, indicator_code, period_spec, source_document, clause),
    CONSTRAINT fk_fact_target_indicator FOREIGN KEY (indicator_code) REFERENCES dim.indicator (indicator_code),
    CONSTRAINT fk_fact_target_snapshot FOREIGN KEY (snapshot_id) REFERENCES etl.snapshot (snapshot_id),
    CONSTRAINT ck_fact_target_comparator CHECK (comparator IN ('>=', '<=', '='))
);
CREATE SYNONYM dbo.fact_target FOR fact.target;

-- Periodic snapshot: unit x period x indicator. Rates keep numerator and denominator;
-- value is NULL when the denominator is 0 (null is not zero).
-- A clustered columnstore holds the rows; the primary key must then be NONCLUSTERED (a B-tree
-- beside the columnstore, allowed since SQL Server 2016), and it still guards uniqueness and
-- serves single-row lookups.
CREATE TABLE fact.indicator_value (
    agency_code    nvarchar(50)  NOT NULL,      -- the durable unit code (all versions of the unit in dim_agency)
    period_code    nvarchar(12)  NOT NULL,
    indicator_code nvarchar(100) NOT NULL,
    numerator      float         NULL,
    denominator    float         NULL,
    value          float         NULL,
    rule_version   nvarchar(50)  NOT NULL,
    build_id       int           NOT NULL,
    CONSTRAINT pk_fact_indicator_value PRIMARY KEY NONCLUSTERED (agency_code, period_code, indicator_code),
    CONSTRAINT fk_fact_indicator_value_period FOREIGN KEY (period_code) REFERENCES dim.period (period_code),
    CONSTRAINT fk_fact_indicator_value_indicator FOREIGN KEY (indicator_code) REFERENCES dim.indicator (indicator_code),
    INDEX cci_fact_indicator_value CLUSTERED COLUMNSTORE
);
CREATE INDEX ix_fact_indicator_value_period ON fact.indicator_value (period_code, indicator_code);
CREATE SYNONYM dbo.fact_indicator_value FOR fact.indicator_value;
