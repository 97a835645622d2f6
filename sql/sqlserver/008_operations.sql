-- Operations: reverting a snapshot, settling quarantine entries, and figures reported by hand.
-- Conventions: see 001_etl.sql. The same tables, columns and indexes as sql/sqlite/008_operations.sql;
-- where SQLite has to rebuild etl_snapshot to drop a constraint, SQL Server alters it in place.

-- A reverted snapshot's file may be loaded again, so a content hash is unique only among the snapshots in
-- force: the constraint becomes a filtered unique index.
ALTER TABLE etl.snapshot DROP CONSTRAINT uq_etl_snapshot_source_hash;
CREATE UNIQUE INDEX ux_etl_snapshot_source_hash ON etl.snapshot (source, file_hash) WHERE reverted_at IS NULL;

-- Which snapshot settled a quarantine entry (a later row of the same record that loaded), so reverting that
-- snapshot opens the entry again.
ALTER TABLE etl.quarantine ADD resolved_by_snapshot_id int NULL
    CONSTRAINT fk_etl_quarantine_resolved_by_snapshot REFERENCES etl.snapshot (snapshot_id);

-- Prior versions of the rows a snapshot changed (row_json: the replaced row, keyed by the snapshot that
-- replaced it), as fact.dossier_history keeps them for dossiers: reverting the snapshot puts them back.
CREATE INDEX ix_fact_dossier_history_snapshot ON fact.dossier_history (replaced_by_snapshot_id);

CREATE TABLE fact.pakn_history (
    pakn_key                bigint        NOT NULL,
    replaced_by_snapshot_id int           NOT NULL,
    row_json                nvarchar(max) NOT NULL,
    CONSTRAINT pk_fact_pakn_history PRIMARY KEY (pakn_key, replaced_by_snapshot_id),
    CONSTRAINT fk_fact_pakn_history_snapshot FOREIGN KEY (replaced_by_snapshot_id) REFERENCES etl.snapshot (snapshot_id)
);
CREATE INDEX ix_fact_pakn_history_snapshot ON fact.pakn_history (replaced_by_snapshot_id);
CREATE SYNONYM dbo.fact_pakn_history FOR fact.pakn_history;

CREATE TABLE fact.digitization_history (
    dossier_code            nvarchar(100) NOT NULL,
    replaced_by_snapshot_id int           NOT NULL,
    row_json                nvarchar(max) NOT NULL,
    CONSTRAINT pk_fact_digitization_history PRIMARY KEY (dossier_code, replaced_by_snapshot_id),
    CONSTRAINT fk_fact_digitization_history_snapshot FOREIGN KEY (replaced_by_snapshot_id) REFERENCES etl.snapshot (snapshot_id)
);
CREATE INDEX ix_fact_digitization_history_snapshot ON fact.digitization_history (replaced_by_snapshot_id);
CREATE SYNONYM dbo.fact_digitization_history FOR fact.digitization_history;

CREATE TABLE fact.target_history (
    target_id               int           NOT NULL,
    replaced_by_snapshot_id int           NOT NULL,
    row_json                nvarchar(max) NOT NULL,
    CONSTRAINT pk_fact_target_history PRIMARY KEY (target_id, replaced_by_snapshot_id),
    CONSTRAINT fk_fact_target_history_snapshot FOREIGN KEY (replaced_by_snapshot_id) REFERENCES etl.snapshot (snapshot_id)
);
CREATE INDEX ix_fact_target_history_snapshot ON fact.target_history (replaced_by_snapshot_id);
CREATE SYNONYM dbo.fact_target_history FOR fact.target_history;

-- Procedure attributes follow the latest snapshot (type 1); the values a snapshot overwrote come back when
-- it is reverted, unless a later snapshot has overwritten them again.
CREATE TABLE dim.procedure_history (
    procedure_key           int           NOT NULL,
    replaced_by_snapshot_id int           NOT NULL,
    row_json                nvarchar(max) NOT NULL,
    CONSTRAINT pk_dim_procedure_history PRIMARY KEY (procedure_key, replaced_by_snapshot_id),
    CONSTRAINT fk_dim_procedure_history_snapshot FOREIGN KEY (replaced_by_snapshot_id) REFERENCES etl.snapshot (snapshot_id)
);
CREATE INDEX ix_dim_procedure_history_snapshot ON dim.procedure_history (replaced_by_snapshot_id);
CREATE SYNONYM dbo.dim_procedure_history FOR dim.procedure_history;

-- The snapshot that first loaded a target (snapshot_id is the one that wrote its current version): a target a
-- snapshot inserted is removed when that snapshot is reverted. Added, filled, then made NOT NULL (SQLite's
-- column stays nullable: it cannot add a NOT NULL column without a default); the UPDATE needs its own batch
-- because the column does not exist when the batch that adds it is compiled.
ALTER TABLE fact.target ADD first_snapshot_id int NULL;
GO
UPDATE fact.target SET first_snapshot_id = snapshot_id;
ALTER TABLE fact.target ALTER COLUMN first_snapshot_id int NOT NULL;
ALTER TABLE fact.target ADD CONSTRAINT fk_fact_target_first_snapshot
    FOREIGN KEY (first_snapshot_id) REFERENCES etl.snapshot (snapshot_id);

-- Figures a unit reported by hand for what no source feeds yet (procedures simplified, plan tasks done, the
-- portal's own 766 ratios), each with the document and clause it comes from. The build copies them into
-- fact.indicator_value for their unit, period and indicator, where a figure takes the place of a computed value.
CREATE TABLE fact.figure (
    figure_id         int           IDENTITY(1, 1) NOT NULL,
    agency_code       nvarchar(50)  NOT NULL,
    period_code       nvarchar(12)  NOT NULL,
    indicator_code    nvarchar(100) NOT NULL,
    numerator         float         NULL,
    denominator       float         NULL,
    value             float         NULL,       -- a rate in percent (NULL when the denominator is 0), else the count
    source_document   nvarchar(300) NOT NULL,
    clause            nvarchar(200) NOT NULL,
    first_snapshot_id int           NOT NULL,
    last_snapshot_id  int           NOT NULL,
    CONSTRAINT pk_fact_figure PRIMARY KEY (figure_id),
    CONSTRAINT uq_fact_figure_natural UNIQUE (agency_code, period_code, indicator_code),
    CONSTRAINT fk_fact_figure_period FOREIGN KEY (period_code) REFERENCES dim.period (period_code),
    CONSTRAINT fk_fact_figure_indicator FOREIGN KEY (indicator_code) REFERENCES dim.indicator (indicator_code),
    CONSTRAINT fk_fact_figure_first_snapshot FOREIGN KEY (first_snapshot_id) REFERENCES etl.snapshot (snapshot_id),
    CONSTRAINT fk_fact_figure_last_snapshot FOREIGN KEY (last_snapshot_id) REFERENCES etl.snapshot (snapshot_id)
);
CREATE INDEX ix_fact_figure_period ON fact.figure (period_code);
CREATE SYNONYM dbo.fact_figure FOR fact.figure;

CREATE TABLE fact.figure_history (
    figure_id               int           NOT NULL,
    replaced_by_snapshot_id int           NOT NULL,
    row_json                nvarchar(max) NOT NULL,
    CONSTRAINT pk_fact_figure_history PRIMARY KEY (figure_id, replaced_by_snapshot_id),
    CONSTRAINT fk_fact_figure_history_snapshot FOREIGN KEY (replaced_by_snapshot_id) REFERENCES etl.snapshot (snapshot_id)
);
CREATE INDEX ix_fact_figure_history_snapshot ON fact.figure_history (replaced_by_snapshot_id);
CREATE SYNONYM dbo.fact_figure_history FOR fact.figure_history;
