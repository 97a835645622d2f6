-- The lineage series written by the build (issue 18). mart_indicator_lineage summed each unit with its predecessors
-- at every read, over the recursive lineage closure, into which SQLite cannot push a unit filter: one unit's
-- series summed every unit's (the leadership dashboard took 3–4 s a page). `iw build` now writes the series
-- beside fact_indicator_value (build/measures.sql, step lineage), for the periods it rebuilds, and the view reads
-- it. Upgrading: the table starts empty and the view with it; run `iw build --all` once after `iw init`.

-- One unit's series with its predecessors, by the indicator's lineage (see 011_lineage_by_field.sql): the columns
-- of mart_indicator_lineage, and the build that wrote the row. Keyed by unit first: what every reader asks for.
CREATE TABLE fact_indicator_lineage (
    agency_code    TEXT    NOT NULL,
    period_code    TEXT    NOT NULL REFERENCES dim_period (period_code),
    indicator_code TEXT    NOT NULL REFERENCES dim_indicator (indicator_code),
    unit           TEXT    NOT NULL,
    numerator      REAL,
    denominator    REAL,
    value          REAL,
    units_combined INTEGER NOT NULL,
    is_estimate    INTEGER NOT NULL,
    estimate_note  TEXT,
    build_id       INTEGER NOT NULL,
    PRIMARY KEY (agency_code, period_code, indicator_code)
);

DROP VIEW mart_indicator_lineage;

CREATE VIEW mart_indicator_lineage AS
SELECT agency_code, period_code, indicator_code, unit, numerator, denominator, value, units_combined, is_estimate, estimate_note
FROM fact_indicator_lineage;
