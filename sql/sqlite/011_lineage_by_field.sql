-- Lineage by what moved (issue 13). A unit split between several successors (Sở LĐTBXH → Sở Nội vụ, Sở Y tế
-- in 3/2025) hands each dossier to the successor that took over its procedure or field, so a merged unit's
-- history adds whole dossiers; the lineage share is kept only for sources whose records carry no field (PAKN),
-- and what it makes is marked as an estimate. Hand-reported stocks (procedures, plan tasks) are not summed.

-- Which successor took a split unit's dossiers: by procedure, else by field, else the default row (neither).
-- Loaded whole from reference/agency_lineage_transfers.csv by `iw init`.
CREATE TABLE agency_lineage_transfer (
    predecessor_code TEXT NOT NULL,
    successor_code   TEXT NOT NULL,
    field_code       TEXT,
    procedure_code   TEXT,
    note             TEXT,
    CHECK (field_code IS NULL OR procedure_code IS NULL)
);
CREATE UNIQUE INDEX ux_agency_lineage_transfer ON agency_lineage_transfer (predecessor_code, COALESCE(procedure_code, ''), COALESCE(field_code, ''));

-- How a merged unit's history adds up an indicator (indicators.yaml `lineage`): field | share | own.
ALTER TABLE dim_indicator ADD COLUMN lineage TEXT NOT NULL DEFAULT 'field' CHECK (lineage IN ('field', 'share', 'own'));

-- The measures of the part of a split unit's dossiers that went to one successor, written by the build beside
-- fact_indicator_value (same grains and rules): what the split unit's history contributes to that successor.
CREATE TABLE fact_indicator_slice (
    predecessor_code TEXT    NOT NULL,
    successor_code   TEXT    NOT NULL,
    period_code      TEXT    NOT NULL REFERENCES dim_period (period_code),
    indicator_code   TEXT    NOT NULL REFERENCES dim_indicator (indicator_code),
    numerator        REAL,
    denominator      REAL,
    value            REAL,
    build_id         INTEGER NOT NULL,
    PRIMARY KEY (predecessor_code, successor_code, period_code, indicator_code)
);

DROP VIEW mart_indicator_lineage;
DROP VIEW mart_agency_lineage;

-- Lineage closure: every unit with itself and every predecessor (through several mergers). split_successor_code
-- names the successor a split predecessor's dossiers reached this unit through (NULL: all of its work came);
-- share is the part of its work the lineage shares send here, used only for sources without fields.
CREATE VIEW mart_agency_lineage AS
WITH RECURSIVE links AS (
    SELECT k.predecessor_code, k.successor_code, k.share,
           CASE WHEN EXISTS (SELECT 1 FROM agency_lineage_transfer t WHERE t.predecessor_code = k.predecessor_code) THEN 1 ELSE 0 END AS is_split
    FROM agency_lineage k
),
closure (agency_code, ancestor_code, split_successor_code, share, depth) AS (
    SELECT agency_code, agency_code, NULL, 1.0, 0 FROM mart_agency
    UNION ALL
    SELECT c.agency_code, l.predecessor_code,
           CASE WHEN l.is_split = 1 THEN l.successor_code ELSE c.split_successor_code END,
           c.share * l.share, c.depth + 1
    FROM closure c JOIN links l ON l.successor_code = c.ancestor_code
    WHERE c.depth < 10
)
SELECT agency_code, ancestor_code, split_successor_code, SUM(share) AS share, MIN(depth) AS depth
FROM closure GROUP BY agency_code, ancestor_code, split_successor_code;

-- A unit's series with its predecessors, so 2021-2026 compare across the 2025 mergers, by the indicator's
-- lineage: 'field' adds each predecessor's values, or the slice of a split predecessor's dossiers that came
-- here (whole numbers); 'share' (PAKN) adds the predecessors' values times their shares, rounded, with
-- is_estimate = 1 and the shares in estimate_note when a share below 1 was used; 'own' is the unit's own figure.
-- Rates are recomputed from the summed numerators and denominators.
CREATE VIEW mart_indicator_lineage AS
SELECT s.agency_code, s.period_code, s.indicator_code, s.unit, s.numerator, s.denominator,
       CASE WHEN s.unit = 'count' THEN s.numerator WHEN s.denominator > 0 THEN 100.0 * s.numerator / s.denominator END AS value,
       s.units_combined, s.is_estimate,
       CASE WHEN s.is_estimate = 1 THEN 'ước tính theo tỷ lệ: ' || (
           SELECT GROUP_CONCAT(x.part, '; ') FROM (
               SELECT x.ancestor_code || ' ' || REPLACE(printf('%g', x.share * 100), '.', ',') || ' %' AS part
               FROM mart_agency_lineage x WHERE x.agency_code = s.agency_code AND x.share < 1 ORDER BY x.ancestor_code) x) END AS estimate_note
FROM (
    SELECT c.agency_code, c.period_code, c.indicator_code, c.unit,
           CASE WHEN c.lineage = 'share' THEN ROUND(SUM(c.numerator * c.share)) ELSE SUM(c.numerator) END AS numerator,
           CASE WHEN c.lineage = 'share' THEN ROUND(SUM(c.denominator * c.share)) ELSE SUM(c.denominator) END AS denominator,
           COUNT(DISTINCT c.ancestor_code) AS units_combined,
           MAX(CASE WHEN c.share < 1 THEN 1 ELSE 0 END) AS is_estimate
    FROM (
        SELECT l.agency_code, l.ancestor_code, CASE WHEN i.lineage = 'share' THEN l.share ELSE 1.0 END AS share,
               i.lineage, i.unit, v.period_code, v.indicator_code, v.numerator, v.denominator
        FROM mart_agency_lineage l
        JOIN fact_indicator_value v ON v.agency_code = l.ancestor_code
        JOIN dim_indicator i ON i.indicator_code = v.indicator_code
        WHERE i.unit IN ('count', 'percent')
          AND (i.lineage = 'share' OR (i.lineage = 'field' AND l.split_successor_code IS NULL) OR (i.lineage = 'own' AND l.depth = 0))
        UNION ALL
        SELECT l.agency_code, l.ancestor_code, 1.0, i.lineage, i.unit, v.period_code, v.indicator_code, v.numerator, v.denominator
        FROM mart_agency_lineage l
        JOIN fact_indicator_slice v ON v.predecessor_code = l.ancestor_code AND v.successor_code = l.split_successor_code
        JOIN dim_indicator i ON i.indicator_code = v.indicator_code
        WHERE i.lineage = 'field' AND i.unit IN ('count', 'percent')
    ) c
    GROUP BY c.agency_code, c.period_code, c.indicator_code, c.unit, c.lineage
) s;
