-- A 766 group or total scored on less than its full maximum (some metrics have no data) is neither met nor
-- missed: its status is 'chua_du_du_lieu' ("chưa đủ dữ liệu — 6/22 điểm chấm được"). The CHECK of 004 gains
-- that code; SQLite cannot change a constraint, so the table is rebuilt as 008 rebuilt etl_snapshot (the view
-- mart_indicator_value keeps naming it; legacy_alter_table stops the rename from re-checking that view).
CREATE TABLE fact_indicator_status_rebuilt (
    agency_code      TEXT    NOT NULL,
    period_code      TEXT    NOT NULL REFERENCES dim_period (period_code),
    indicator_code   TEXT    NOT NULL REFERENCES dim_indicator (indicator_code),
    target_id        INTEGER NOT NULL REFERENCES fact_target (target_id),
    comparator       TEXT    NOT NULL,
    target_value     REAL    NOT NULL,
    conflict_note    TEXT,
    value            REAL,
    gap              REAL,
    attainment       REAL,
    projected_value  REAL,
    status           TEXT    NOT NULL CHECK (status IN ('dat', 'chua_dat', 'nguy_co', 'khong_co_du_lieu', 'chua_du_du_lieu')),
    build_id         INTEGER NOT NULL,
    PRIMARY KEY (agency_code, period_code, indicator_code)
);
INSERT INTO fact_indicator_status_rebuilt (agency_code, period_code, indicator_code, target_id, comparator, target_value,
    conflict_note, value, gap, attainment, projected_value, status, build_id)
SELECT agency_code, period_code, indicator_code, target_id, comparator, target_value,
    conflict_note, value, gap, attainment, projected_value, status, build_id
FROM fact_indicator_status;
DROP TABLE fact_indicator_status;
PRAGMA legacy_alter_table = ON;
ALTER TABLE fact_indicator_status_rebuilt RENAME TO fact_indicator_status;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX ix_fact_indicator_status_period ON fact_indicator_status (period_code, status);
