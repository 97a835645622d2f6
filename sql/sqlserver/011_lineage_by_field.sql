-- Lineage by what moved (see sql/sqlite/011_lineage_by_field.sql): which successor took a split unit's
-- dossiers, each indicator's way of adding up predecessors, the slices of split units' measures, and the two
-- lineage views recomputed from them. Conventions: see 001_etl.sql.

CREATE TABLE dim.agency_lineage_transfer (
    predecessor_code nvarchar(50)  NOT NULL,
    successor_code   nvarchar(50)  NOT NULL,
    field_code       nvarchar(50)  NULL,
    procedure_code   nvarchar(50)  NULL,
    note             nvarchar(400) NULL,
    CONSTRAINT ck_dim_agency_lineage_transfer_one CHECK (field_code IS NULL OR procedure_code IS NULL)
);
-- One successor per procedure, per field and one default: a SQL Server unique index treats NULLs as equal, which
-- is the rule (SQLite's needs COALESCE for it).
CREATE UNIQUE INDEX ux_agency_lineage_transfer ON dim.agency_lineage_transfer (predecessor_code, procedure_code, field_code);
CREATE SYNONYM dbo.agency_lineage_transfer FOR dim.agency_lineage_transfer;

ALTER TABLE dim.indicator ADD lineage nvarchar(10) NOT NULL CONSTRAINT df_dim_indicator_lineage DEFAULT N'field'
    CONSTRAINT ck_dim_indicator_lineage CHECK (lineage IN (N'field', N'share', N'own'));

CREATE TABLE fact.indicator_slice (
    predecessor_code nvarchar(50)  NOT NULL,
    successor_code   nvarchar(50)  NOT NULL,
    period_code      nvarchar(12)  NOT NULL,
    indicator_code   nvarchar(100) NOT NULL,
    numerator        float         NULL,
    denominator      float         NULL,
    value            float         NULL,
    build_id         int           NOT NULL,
    CONSTRAINT pk_fact_indicator_slice PRIMARY KEY (predecessor_code, successor_code, period_code, indicator_code),
    CONSTRAINT fk_fact_indicator_slice_period FOREIGN KEY (period_code) REFERENCES dim.period (period_code),
    CONSTRAINT fk_fact_indicator_slice_indicator FOREIGN KEY (indicator_code) REFERENCES dim.indicator (indicator_code)
);
CREATE SYNONYM dbo.fact_indicator_slice FOR fact.indicator_slice;
GO

DROP VIEW dbo.mart_indicator_lineage;
DROP VIEW dbo.mart_agency_lineage;
GO

-- Lineage closure (see the SQLite migration). A recursive CTE needs the same types in both members, and its
-- recursive member may hold no subquery: whether a link leaves a split unit is worked out in a CTE before it.
CREATE VIEW dbo.mart_agency_lineage AS
WITH links AS (
    SELECT k.predecessor_code, k.successor_code, k.share,
           CASE WHEN EXISTS (SELECT 1 FROM agency_lineage_transfer t WHERE t.predecessor_code = k.predecessor_code) THEN 1 ELSE 0 END AS is_split
    FROM agency_lineage k
),
closure (agency_code, ancestor_code, split_successor_code, share, depth) AS (
    SELECT agency_code, agency_code, CAST(NULL AS nvarchar(50)), CAST(1.0 AS float), 0 FROM dbo.mart_agency
    UNION ALL
    SELECT c.agency_code, l.predecessor_code,
           CAST(CASE WHEN l.is_split = 1 THEN l.successor_code ELSE c.split_successor_code END AS nvarchar(50)),
           c.share * l.share, c.depth + 1
    FROM closure c JOIN links l ON l.successor_code = c.ancestor_code
    WHERE c.depth < 10
)
SELECT agency_code, ancestor_code, split_successor_code, SUM(share) AS share, MIN(depth) AS depth
FROM closure GROUP BY agency_code, ancestor_code, split_successor_code;
GO

-- A unit's series with its predecessors by the indicator's lineage (see the SQLite migration).
CREATE VIEW dbo.mart_indicator_lineage AS
SELECT s.agency_code, s.period_code, s.indicator_code, s.unit, s.numerator, s.denominator,
       CASE WHEN s.unit = 'count' THEN s.numerator WHEN s.denominator > 0 THEN 100.0 * s.numerator / s.denominator END AS value,
       s.units_combined, s.is_estimate,
       -- The shares listed with FOR XML PATH: STRING_AGG needs SQL Server 2017, and 2016 SP1 is supported.
       CASE WHEN s.is_estimate = 1 THEN N'ước tính theo tỷ lệ: ' + STUFF((
           SELECT N'; ' + x.ancestor_code + N' ' + FORMAT(x.share * 100, N'0.##', 'vi-VN') + N' %'
           FROM dbo.mart_agency_lineage x WHERE x.agency_code = s.agency_code AND x.share < 1 ORDER BY x.ancestor_code
           FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)'), 1, 2, N'') END AS estimate_note
FROM (
    SELECT c.agency_code, c.period_code, c.indicator_code, c.unit,
           CASE WHEN c.lineage = 'share' THEN ROUND(SUM(c.numerator * c.share), 0) ELSE SUM(c.numerator) END AS numerator,
           CASE WHEN c.lineage = 'share' THEN ROUND(SUM(c.denominator * c.share), 0) ELSE SUM(c.denominator) END AS denominator,
           COUNT(DISTINCT c.ancestor_code) AS units_combined,
           MAX(CASE WHEN c.share < 1 THEN 1 ELSE 0 END) AS is_estimate
    FROM (
        SELECT l.agency_code, l.ancestor_code, CASE WHEN i.lineage = 'share' THEN l.share ELSE 1.0 END AS share,
               i.lineage, i.unit, v.period_code, v.indicator_code, v.numerator, v.denominator
        FROM dbo.mart_agency_lineage l
        JOIN fact_indicator_value v ON v.agency_code = l.ancestor_code
        JOIN dim_indicator i ON i.indicator_code = v.indicator_code
        WHERE i.unit IN ('count', 'percent')
          AND (i.lineage = 'share' OR (i.lineage = 'field' AND l.split_successor_code IS NULL) OR (i.lineage = 'own' AND l.depth = 0))
        UNION ALL
        SELECT l.agency_code, l.ancestor_code, 1.0, i.lineage, i.unit, v.period_code, v.indicator_code, v.numerator, v.denominator
        FROM dbo.mart_agency_lineage l
        JOIN fact_indicator_slice v ON v.predecessor_code = l.ancestor_code AND v.successor_code = l.split_successor_code
        JOIN dim_indicator i ON i.indicator_code = v.indicator_code
        WHERE i.lineage = 'field' AND i.unit IN ('count', 'percent')
    ) c
    GROUP BY c.agency_code, c.period_code, c.indicator_code, c.unit, c.lineage
) s;
