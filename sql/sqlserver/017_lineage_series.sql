-- The lineage series written by the build (see sql/sqlite/017_lineage_series.sql): `iw build` writes each unit's
-- series with its predecessors (build/measures.sql, step lineage) and mart_indicator_lineage reads it instead of
-- walking the lineage closure at every read. Upgrading: the table starts empty and the view with it; run
-- `iw build --all` once after `iw init`. Conventions: see 001_etl.sql.

-- Clustered on its key, unit first: every reader asks for one unit's series.
CREATE TABLE fact.indicator_lineage (
    agency_code    nvarchar(50)   NOT NULL,
    period_code    nvarchar(12)   NOT NULL,
    indicator_code nvarchar(100)  NOT NULL,
    unit           nvarchar(10)   NOT NULL,
    numerator      float          NULL,
    denominator    float          NULL,
    value          float          NULL,
    units_combined int            NOT NULL,
    is_estimate    int            NOT NULL,
    estimate_note  nvarchar(1000) NULL,
    build_id       int            NOT NULL,
    CONSTRAINT pk_fact_indicator_lineage PRIMARY KEY (agency_code, period_code, indicator_code),
    CONSTRAINT fk_fact_indicator_lineage_period FOREIGN KEY (period_code) REFERENCES dim.period (period_code),
    CONSTRAINT fk_fact_indicator_lineage_indicator FOREIGN KEY (indicator_code) REFERENCES dim.indicator (indicator_code)
);
CREATE SYNONYM dbo.fact_indicator_lineage FOR fact.indicator_lineage;
GO

DROP VIEW dbo.mart_indicator_lineage;
GO

CREATE VIEW dbo.mart_indicator_lineage AS
SELECT agency_code, period_code, indicator_code, unit, numerator, denominator, value, units_combined, is_estimate, estimate_note
FROM fact_indicator_lineage;
