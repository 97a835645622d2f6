-- Each unit x period x indicator that has an applicable target: the target (with its provenance), the gap,
-- attainment and status, computed by the build from fact_indicator_value and fact_target.

CREATE TABLE fact_indicator_status (
    agency_code      TEXT    NOT NULL,
    period_code      TEXT    NOT NULL REFERENCES dim_period (period_code),
    indicator_code   TEXT    NOT NULL REFERENCES dim_indicator (indicator_code),
    target_id        INTEGER NOT NULL REFERENCES fact_target (target_id),
    comparator       TEXT    NOT NULL,
    target_value     REAL    NOT NULL,
    conflict_note    TEXT,                      -- other declarations of equal specificity that disagree
    value            REAL,
    gap              REAL,                      -- value - target, in points
    attainment       REAL,                      -- value / target, percent (for ">=" targets)
    projected_value  REAL,                      -- trend projection to the period's end, for open periods
    status           TEXT    NOT NULL CHECK (status IN ('dat', 'chua_dat', 'nguy_co', 'khong_co_du_lieu')),
    build_id         INTEGER NOT NULL,
    PRIMARY KEY (agency_code, period_code, indicator_code)
);
CREATE INDEX ix_fact_indicator_status_period ON fact_indicator_status (period_code, status);
