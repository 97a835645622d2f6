-- Analyst views (marts). Their names and columns are a contract: analysts' queries, dashboards and
-- reports read only these. The same views exist with the same names and columns on SQLite; here they
-- live in dbo beside the synonyms they read. Conventions: see 001_etl.sql.
--
-- How these differ from sql/sqlite/005_marts.sql, with the same results:
--   * Each CREATE VIEW is alone in its batch (GO), as T-SQL requires.
--   * Nothing depends on the reader's session settings: text is joined with CONCAT under an explicit
--     NULL test rather than with +, whose NULL handling follows CONCAT_NULL_YIELDS_NULL.
--   * The year-on-year change finds last year's month by period sequence (seq - 12) instead of
--     formatting its code with printf.
--   * Flags stored as bit (is_inferred, is_withdrawn, apology_issued, ...) keep their column type.

-- Each unit as its latest version describes it (units that merged away keep their last name).
CREATE VIEW dbo.mart_agency AS
SELECT a.agency_code, a.agency_name, a.agency_level, a.province_code, a.sector, a.valid_from, a.valid_to, a.is_inferred,
       CASE WHEN a.valid_to IS NULL THEN 1 ELSE 0 END AS is_current
FROM dim_agency a
WHERE a.valid_from = (SELECT MAX(b.valid_from) FROM dim_agency b WHERE b.agency_code = a.agency_code);
GO

-- Every indicator value of every grain, with labels, target and status.
CREATE VIEW dbo.mart_indicator_value AS
SELECT v.agency_code, a.agency_name, a.agency_level, a.province_code,
       v.period_code, p.grain, p.label_vi AS period_label, p.start_key, p.end_key,
       v.indicator_code, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en, i.unit, i.direction, i.indicator_group,
       v.numerator, v.denominator, v.value,
       s.target_value, s.comparator, s.gap, s.attainment, s.status, s.conflict_note,
       t.source_document AS target_document, t.clause AS target_clause,
       -- NULL without a target, as SQLite's || gives (CONCAT alone would give ', ').
       CASE WHEN t.target_id IS NOT NULL THEN CONCAT(t.source_document, N', ', t.clause) END AS target_source,
       v.rule_version, v.build_id
FROM fact_indicator_value v
JOIN dbo.mart_agency a ON a.agency_code = v.agency_code
JOIN dim_period p ON p.period_code = v.period_code
JOIN dim_indicator i ON i.indicator_code = v.indicator_code
LEFT JOIN fact_indicator_status s ON s.agency_code = v.agency_code AND s.period_code = v.period_code AND s.indicator_code = v.indicator_code
LEFT JOIN fact_target t ON t.target_id = s.target_id;
GO

-- Calendar months only, with month-on-month and year-on-year changes (points for rates, counts for counts).
CREATE VIEW dbo.mart_indicator_monthly AS
SELECT m.*,
       m.value - LAG(m.value, 1) OVER (PARTITION BY m.agency_code, m.indicator_code ORDER BY p.seq) AS mom_change,
       -- The same month a year earlier: month sequences run year * 12 + month - 1.
       m.value - (SELECT y.value FROM fact_indicator_value y JOIN dim_period yp ON yp.period_code = y.period_code
                  WHERE y.agency_code = m.agency_code AND y.indicator_code = m.indicator_code
                    AND yp.grain = 'M' AND yp.seq = p.seq - 12) AS yoy_change,
       AVG(m.value) OVER (PARTITION BY m.agency_code, m.indicator_code ORDER BY p.seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS rolling_3m,
       AVG(m.value) OVER (PARTITION BY m.agency_code, m.indicator_code ORDER BY p.seq ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS rolling_12m
FROM dbo.mart_indicator_value m
JOIN dim_period p ON p.period_code = m.period_code
WHERE p.grain = 'M';
GO

-- Units ranked per period among the units of the same province and level by the 766 total and the on-time rate.
-- NULLs sort lowest on both databases, so units without a score rank last.
CREATE VIEW dbo.mart_unit_ranking AS
SELECT r.*,
       RANK() OVER (PARTITION BY r.period_code, r.province_code, r.agency_level ORDER BY r.index766_total DESC) AS rank_index766,
       RANK() OVER (PARTITION BY r.period_code, r.province_code, r.agency_level ORDER BY r.on_time_rate DESC) AS rank_on_time,
       COUNT(*) OVER (PARTITION BY r.period_code, r.province_code, r.agency_level) AS peers
FROM (
    SELECT v.agency_code, a.agency_name, a.agency_level, a.province_code, v.period_code,
           MAX(CASE WHEN v.indicator_code = 'index766_total' THEN v.value END) AS index766_total,
           MAX(CASE WHEN v.indicator_code = 'index766_total' THEN v.denominator END) AS index766_scored_max,
           MAX(CASE WHEN v.indicator_code = 'on_time_rate_766' THEN v.value END) AS on_time_rate,
           MAX(CASE WHEN v.indicator_code = 'received_total' THEN v.value END) AS received_total
    FROM fact_indicator_value v
    JOIN dbo.mart_agency a ON a.agency_code = v.agency_code
    GROUP BY v.agency_code, a.agency_name, a.agency_level, a.province_code, v.period_code
) r;
GO

-- One row per dossier with readable labels and how the counting rules see it.
CREATE VIEW dbo.mart_dossier AS
SELECT d.dossier_code, a.agency_code, a.agency_name, pr.procedure_code, pr.procedure_name, f.field_code, f.field_name,
       c.name_vi AS channel, d.applicant_type, d.received_at, d.due_at, d.finished_at, d.returned_at, d.status,
       d.received_date_key, d.end_date_key, d.deadline_date_key,
       CASE d.outcome WHEN 1 THEN N'Trước hạn' WHEN 2 THEN N'Đúng hạn' WHEN 3 THEN N'Quá hạn' END AS outcome_vi,
       CASE WHEN d.end_date_key IS NULL THEN 1 ELSE 0 END AS is_pending,
       d.overdue_from_key, d.is_withdrawn, d.fee_amount, d.paid_online, d.supplement_requests, d.supplement_wait_days,
       d.apology_issued, d.late_reason, d.citizen_rating,
       g.documents_submitted, g.documents_digitized, g.documents_reused, g.result_required, g.result_electronic,
       d.last_snapshot_id
FROM fact_dossier d
JOIN dim_agency a ON a.agency_key = d.agency_key
JOIN dim_procedure pr ON pr.procedure_key = d.procedure_key
LEFT JOIN dim_field f ON f.field_key = pr.field_key
JOIN dim_channel c ON c.channel_key = d.channel_key
LEFT JOIN fact_digitization g ON g.dossier_code = d.dossier_code
WHERE d.status IS NULL OR d.status <> 3;
GO

CREATE VIEW dbo.mart_pakn AS
SELECT k.feedback_code, a.agency_code, a.agency_name, k.channel, k.category, k.received_at, k.transferred_at, k.due_at,
       k.handled_at, k.state, k.reaction, k.received_date_key, k.handled_date_key, k.deadline_date_key
FROM fact_pakn k JOIN dim_agency a ON a.agency_key = k.agency_key;
GO

-- Lineage closure: every unit with itself and every predecessor (through several mergers), with the share of
-- the predecessor's work that reached it. A recursive CTE needs the same types in both members: share is float.
CREATE VIEW dbo.mart_agency_lineage AS
WITH closure (agency_code, ancestor_code, share, depth) AS (
    SELECT agency_code, agency_code, CAST(1.0 AS float), 0 FROM dbo.mart_agency
    UNION ALL
    SELECT c.agency_code, l.predecessor_code, c.share * l.share, c.depth + 1
    FROM closure c JOIN agency_lineage l ON l.successor_code = c.ancestor_code
    WHERE c.depth < 10
)
SELECT agency_code, ancestor_code, SUM(share) AS share, MIN(depth) AS depth FROM closure GROUP BY agency_code, ancestor_code;
GO

-- A unit's series as the sum of itself and its predecessors (weighted by share), so 2022-2026 is comparable
-- across the 2025 mergers. Rates are recomputed from the summed numerators and denominators.
CREATE VIEW dbo.mart_indicator_lineage AS
SELECT l.agency_code, v.period_code, v.indicator_code, i.unit,
       SUM(v.numerator * l.share) AS numerator,
       SUM(v.denominator * l.share) AS denominator,
       CASE WHEN i.unit = 'count' THEN SUM(v.numerator * l.share)
            WHEN SUM(v.denominator * l.share) > 0 THEN 100.0 * SUM(v.numerator * l.share) / SUM(v.denominator * l.share) END AS value,
       COUNT(DISTINCT l.ancestor_code) AS units_combined
FROM dbo.mart_agency_lineage l
JOIN fact_indicator_value v ON v.agency_code = l.ancestor_code
JOIN dim_indicator i ON i.indicator_code = v.indicator_code
WHERE i.unit IN ('count', 'percent')
GROUP BY l.agency_code, v.period_code, v.indicator_code, i.unit;
GO

-- Data quality: freshness of each source and what sits in quarantine. Row counts add up over every
-- snapshot ever loaded, which passes 2^31 in a national warehouse: summed as bigint.
CREATE VIEW dbo.mart_source_freshness AS
SELECT source, COUNT(*) AS snapshots, MAX(as_of) AS latest_as_of, MAX(loaded_at) AS latest_loaded_at,
       SUM(CAST(rows_read AS bigint)) AS rows_read, SUM(CAST(rows_quarantined AS bigint)) AS rows_quarantined
FROM etl_snapshot WHERE reverted_at IS NULL GROUP BY source;
GO

CREATE VIEW dbo.mart_quarantine AS
SELECT q.quarantine_id, q.source, q.file_name, q.line_no, q.record_key, q.field, q.reason, q.created_at, q.resolved_at,
       s.as_of AS snapshot_as_of
FROM etl_quarantine q JOIN etl_snapshot s ON s.snapshot_id = q.snapshot_id;
