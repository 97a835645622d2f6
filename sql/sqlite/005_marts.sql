-- Analyst views (marts). Their names and columns are a contract: analysts' queries, dashboards and
-- reports read only these. The same views exist with the same names on SQL Server.

-- Each unit as its latest version describes it (units that merged away keep their last name).
CREATE VIEW mart_agency AS
SELECT a.agency_code, a.agency_name, a.agency_level, a.province_code, a.sector, a.valid_from, a.valid_to, a.is_inferred,
       CASE WHEN a.valid_to IS NULL THEN 1 ELSE 0 END AS is_current
FROM dim_agency a
WHERE a.valid_from = (SELECT MAX(b.valid_from) FROM dim_agency b WHERE b.agency_code = a.agency_code);

-- Every indicator value of every grain, with labels, target and status.
CREATE VIEW mart_indicator_value AS
SELECT v.agency_code, a.agency_name, a.agency_level, a.province_code,
       v.period_code, p.grain, p.label_vi AS period_label, p.start_key, p.end_key,
       v.indicator_code, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en, i.unit, i.direction, i.indicator_group,
       v.numerator, v.denominator, v.value,
       s.target_value, s.comparator, s.gap, s.attainment, s.status, s.conflict_note,
       t.source_document AS target_document, t.clause AS target_clause, t.source_document || ', ' || t.clause AS target_source,
       v.rule_version, v.build_id
FROM fact_indicator_value v
JOIN mart_agency a ON a.agency_code = v.agency_code
JOIN dim_period p ON p.period_code = v.period_code
JOIN dim_indicator i ON i.indicator_code = v.indicator_code
LEFT JOIN fact_indicator_status s ON s.agency_code = v.agency_code AND s.period_code = v.period_code AND s.indicator_code = v.indicator_code
LEFT JOIN fact_target t ON t.target_id = s.target_id;

-- Calendar months only, with month-on-month and year-on-year changes (points for rates, counts for counts).
CREATE VIEW mart_indicator_monthly AS
SELECT m.*,
       m.value - LAG(m.value, 1) OVER (PARTITION BY m.agency_code, m.indicator_code ORDER BY p.seq) AS mom_change,
       m.value - (SELECT y.value FROM fact_indicator_value y
                  WHERE y.agency_code = m.agency_code AND y.indicator_code = m.indicator_code
                    AND y.period_code = printf('%04d-%02d', CAST(substr(m.period_code, 1, 4) AS INTEGER) - 1, CAST(substr(m.period_code, 6, 2) AS INTEGER))) AS yoy_change,
       AVG(m.value) OVER (PARTITION BY m.agency_code, m.indicator_code ORDER BY p.seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS rolling_3m,
       AVG(m.value) OVER (PARTITION BY m.agency_code, m.indicator_code ORDER BY p.seq ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS rolling_12m
FROM mart_indicator_value m
JOIN dim_period p ON p.period_code = m.period_code
WHERE p.grain = 'M';

-- Units ranked per period among the units of the same province and level by the 766 total and the on-time rate.
CREATE VIEW mart_unit_ranking AS
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
    JOIN mart_agency a ON a.agency_code = v.agency_code
    GROUP BY v.agency_code, a.agency_name, a.agency_level, a.province_code, v.period_code
) r;

-- One row per dossier with readable labels and how the counting rules see it.
CREATE VIEW mart_dossier AS
SELECT d.dossier_code, a.agency_code, a.agency_name, pr.procedure_code, pr.procedure_name, f.field_code, f.field_name,
       c.name_vi AS channel, d.applicant_type, d.received_at, d.due_at, d.finished_at, d.returned_at, d.status,
       d.received_date_key, d.end_date_key, d.deadline_date_key,
       CASE d.outcome WHEN 1 THEN 'Trước hạn' WHEN 2 THEN 'Đúng hạn' WHEN 3 THEN 'Quá hạn' END AS outcome_vi,
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

CREATE VIEW mart_pakn AS
SELECT k.feedback_code, a.agency_code, a.agency_name, k.channel, k.category, k.received_at, k.transferred_at, k.due_at,
       k.handled_at, k.state, k.reaction, k.received_date_key, k.handled_date_key, k.deadline_date_key
FROM fact_pakn k JOIN dim_agency a ON a.agency_key = k.agency_key;

-- Lineage closure: every unit with itself and every predecessor (through several mergers), with the share of
-- the predecessor's work that reached it.
CREATE VIEW mart_agency_lineage AS
WITH RECURSIVE closure (agency_code, ancestor_code, share, depth) AS (
    SELECT agency_code, agency_code, 1.0, 0 FROM mart_agency
    UNION ALL
    SELECT c.agency_code, l.predecessor_code, c.share * l.share, c.depth + 1
    FROM closure c JOIN agency_lineage l ON l.successor_code = c.ancestor_code
    WHERE c.depth < 10
)
SELECT agency_code, ancestor_code, SUM(share) AS share, MIN(depth) AS depth FROM closure GROUP BY agency_code, ancestor_code;

-- A unit's series as the sum of itself and its predecessors (weighted by share), so 2022-2026 is comparable
-- across the 2025 mergers. Rates are recomputed from the summed numerators and denominators.
CREATE VIEW mart_indicator_lineage AS
SELECT l.agency_code, v.period_code, v.indicator_code, i.unit,
       SUM(v.numerator * l.share) AS numerator,
       SUM(v.denominator * l.share) AS denominator,
       CASE WHEN i.unit = 'count' THEN SUM(v.numerator * l.share)
            WHEN SUM(v.denominator * l.share) > 0 THEN 100.0 * SUM(v.numerator * l.share) / SUM(v.denominator * l.share) END AS value,
       COUNT(DISTINCT l.ancestor_code) AS units_combined
FROM mart_agency_lineage l
JOIN fact_indicator_value v ON v.agency_code = l.ancestor_code
JOIN dim_indicator i ON i.indicator_code = v.indicator_code
WHERE i.unit IN ('count', 'percent')
GROUP BY l.agency_code, v.period_code, v.indicator_code, i.unit;

-- Data quality: freshness of each source and what sits in quarantine.
CREATE VIEW mart_source_freshness AS
SELECT source, COUNT(*) AS snapshots, MAX(as_of) AS latest_as_of, MAX(loaded_at) AS latest_loaded_at,
       SUM(rows_read) AS rows_read, SUM(rows_quarantined) AS rows_quarantined
FROM etl_snapshot WHERE reverted_at IS NULL GROUP BY source;

CREATE VIEW mart_quarantine AS
SELECT q.quarantine_id, q.source, q.file_name, q.line_no, q.record_key, q.field, q.reason, q.created_at, q.resolved_at,
       s.as_of AS snapshot_as_of
FROM etl_quarantine q JOIN etl_snapshot s ON s.snapshot_id = q.snapshot_id;
