-- Each unit x period x indicator that has an applicable target: the target (with its provenance), the gap,
-- attainment and status, computed by the build from fact_indicator_value and fact_target.
-- Conventions: see 001_etl.sql.

CREATE TABLE fact.indicator_status (
    agency_code     nvarchar(50)  NOT NULL,
    period_code     nvarchar(12)  NOT NULL,
    indicator_code  nvarchar(100) NOT NULL,
    target_id       int           NOT NULL,
    comparator      nvarchar(2)   NOT NULL,
    target_value    float         NOT NULL,
    conflict_note   nvarchar(max) NULL,         -- other declarations of equal specificity that disagree
    value           float         NULL,
    gap             float         NULL,         -- value - target, in points
    attainment      float         NULL,         -- value / target, percent (for ">=" targets)
    projected_value float         NULL,         -- trend projection to the period's end, for open periods
    status          nvarchar(20)  NOT NULL,
    build_id        int           NOT NULL,
    CONSTRAINT pk_fact_indicator_status PRIMARY KEY (agency_code, period_code, indicator_code),
    CONSTRAINT fk_fact_indicator_status_period FOREIGN KEY (period_code) REFERENCES dim.period (period_code),
    CONSTRAINT fk_fact_indicator_status_indicator FOREIGN KEY (indicator_code) REFERENCES dim.indicator (indicator_code),
    CONSTRAINT fk_fact_indicator_status_target FOREIGN KEY (target_id) REFERENCES fact.target (target_id),
    CONSTRAINT ck_fact_indicator_status_status CHECK (status IN ('dat', 'chua_dat', 'nguy_co', 'khong_co_du_lieu'))
);
CREATE INDEX ix_fact_indicator_status_period ON fact.indicator_status (period_code, status);
CREATE SYNONYM dbo.fact_indicator_status FOR fact.indicator_status;
