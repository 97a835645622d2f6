-- The measure build for one grain and a range of its periods, set-based, over what build/profile.sql made: the
-- dossiers' changes per unit and month are summed over each period (flows) or up to it (stocks); every PAKN
-- profile is joined to each period of the grain its life overlaps (received .. handled, or .. the last period
-- while open). Either way quarters and years are counted from the dossiers themselves, never by averaging months.
-- Parameters: @grain ('M','Q','H','Y','RM','RQ','RH','RY'), @grain_months (1, 3, 6, 12), @reporting (0/1),
-- @from_seq, @to_seq, @build_id, @rule_version, @rule_set_id (etl_rule_set), @has_onestop, @has_pakn, @has_digitization (1 once that source has been loaded).
-- The counting rules live in Domain/Counting (DossierTimeline, PaknTimeline): this file only compares the
-- day keys they derived.
--
-- The same steps and results as sql/sqlite/build/measures.sql. Where T-SQL differs:
--   * Work tables are session temp tables, created by a step that names no parameter (see
--     load/dossier.sql: keep the at-sign out of create_temp, comments included), with text columns in the
--     database's collation.
--   * The two counting steps compile for the grain at hand (OPTION (RECOMPILE)): @grain_months becomes a
--     constant and pakn_counts' CASEs on @reporting fold to one sequence column, so the join to dim_period is a
--     range seek on (grain, seq) per row.
--   * Rates divide in float, as SQLite's REAL does (100.0 alone is decimal in T-SQL and would round to
--     six decimals). Counts are per unit and period, far below 2^31: int.
--   * insert_values unpivots the counts with CROSS APPLY (VALUES ...), one pass instead of 27 UNION ALL scans.

-- step: create_temp
DROP TABLE IF EXISTS #tmp_dossier_counts;
DROP TABLE IF EXISTS #tmp_pakn_counts;
DROP TABLE IF EXISTS #tmp_counts;
CREATE TABLE #tmp_dossier_counts (
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, period_code nvarchar(12) COLLATE DATABASE_DEFAULT NOT NULL,
    received_in_p int, carried_over int, received_online int,
    processed_total int, processed_early int, processed_on_time int, processed_late int,
    pending_total int, pending_overdue int,
    fee_received int, fee_paid_online int, digitized int, reused int,
    result_required int, result_electronic int, disliked_or_late int, late_with_apology int,
    onestop_scope int, onestop_late int, personal_store int, population_db int,
    PRIMARY KEY (agency_code, period_code));
CREATE TABLE #tmp_pakn_counts (
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, period_code nvarchar(12) COLLATE DATABASE_DEFAULT NOT NULL,
    pakn_total int, pakn_handled int, pakn_on_time int, pakn_late int, pakn_disliked_or_late int,
    PRIMARY KEY (agency_code, period_code));
CREATE TABLE #tmp_counts (
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, period_code nvarchar(12) COLLATE DATABASE_DEFAULT NOT NULL,
    received_in_p int, carried_over int, received_online int,
    processed_total int, processed_early int, processed_on_time int, processed_late int,
    pending_total int, pending_overdue int,
    fee_received int, fee_paid_online int, digitized int, reused int,
    result_required int, result_electronic int, disliked_or_late int, late_with_apology int,
    onestop_scope int, onestop_late int, personal_store int, population_db int,
    pakn_total int, pakn_handled int, pakn_on_time int, pakn_late int, pakn_disliked_or_late int,
    PRIMARY KEY (agency_code, period_code));

-- step: dossier_counts
-- From the unit × month changes of build/profile.sql: a flow of P (received, processed, ...) sums the months of P;
-- a stock at P's end sums every change up to P — open in P (received up to P, not ended before P: received in P
-- plus carried over), pending at P's end (nor ended in P), pending overdue at P's end (the overdue stock's changes).
-- A unit has a row for P when some dossier was open in P.
INSERT INTO #tmp_dossier_counts
SELECT r.agency_code, r.period_code,
    r.received_in_p,
    r.received_to_p - r.received_in_p - COALESCE(e.ended_before, 0),
    r.online,
    COALESCE(e.ended_in_p, 0), COALESCE(e.early, 0), COALESCE(e.on_time, 0), COALESCE(e.late, 0),
    r.received_to_p - COALESCE(e.ended_before, 0) - COALESCE(e.ended_in_p, 0),
    COALESCE(o.n, 0),
    r.has_fee, r.paid_online, r.digitized, r.reused,
    COALESCE(e.result_required, 0), COALESCE(e.result_electronic, 0),
    r.disliked_to_p - COALESCE(e.disliked_before, 0) + COALESCE(e.late_not_disliked, 0) + COALESCE(o.not_disliked, 0),
    COALESCE(e.late_with_apology, 0),
    r.not_withdrawn_to_p - COALESCE(e.not_withdrawn_before, 0),
    COALESCE(e.late_not_withdrawn, 0) + COALESCE(o.not_withdrawn, 0),
    r.personal_store, r.population_db
FROM (
    SELECT x.agency_code, p.period_code,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.n ELSE 0 END) AS received_in_p,
        SUM(x.n) AS received_to_p,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.online ELSE 0 END) AS online,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.has_fee ELSE 0 END) AS has_fee,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.paid_online ELSE 0 END) AS paid_online,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.digitized ELSE 0 END) AS digitized,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.reused ELSE 0 END) AS reused,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.personal_store ELSE 0 END) AS personal_store,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.population_db ELSE 0 END) AS population_db,
        SUM(x.disliked) AS disliked_to_p,
        SUM(x.not_withdrawn) AS not_withdrawn_to_p
    FROM #tmp_received_month x
    JOIN dim_period p ON p.grain = @grain AND p.seq BETWEEN @from_seq AND @to_seq AND p.seq >= x.m / @grain_months
    WHERE x.reporting = @reporting
    GROUP BY x.agency_code, p.period_code
) r
LEFT JOIN (
    SELECT x.agency_code, p.period_code,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.n ELSE 0 END) AS ended_in_p,
        SUM(CASE WHEN x.m / @grain_months < p.seq THEN x.n ELSE 0 END) AS ended_before,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.early ELSE 0 END) AS early,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.on_time ELSE 0 END) AS on_time,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.late ELSE 0 END) AS late,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.result_required ELSE 0 END) AS result_required,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.result_electronic ELSE 0 END) AS result_electronic,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.late_with_apology ELSE 0 END) AS late_with_apology,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.late_not_disliked ELSE 0 END) AS late_not_disliked,
        SUM(CASE WHEN x.m / @grain_months = p.seq THEN x.late_not_withdrawn ELSE 0 END) AS late_not_withdrawn,
        SUM(CASE WHEN x.m / @grain_months < p.seq THEN x.disliked ELSE 0 END) AS disliked_before,
        SUM(CASE WHEN x.m / @grain_months < p.seq THEN x.not_withdrawn ELSE 0 END) AS not_withdrawn_before
    FROM #tmp_ended_month x
    JOIN dim_period p ON p.grain = @grain AND p.seq BETWEEN @from_seq AND @to_seq AND p.seq >= x.m / @grain_months
    WHERE x.reporting = @reporting
    GROUP BY x.agency_code, p.period_code
) e ON e.agency_code = r.agency_code AND e.period_code = r.period_code
LEFT JOIN (
    SELECT x.agency_code, p.period_code, SUM(x.n) AS n, SUM(x.not_disliked) AS not_disliked, SUM(x.not_withdrawn) AS not_withdrawn
    FROM #tmp_overdue_month x
    JOIN dim_period p ON p.grain = @grain AND p.seq BETWEEN @from_seq AND @to_seq AND p.seq >= x.m / @grain_months
    WHERE x.reporting = @reporting
    GROUP BY x.agency_code, p.period_code
) o ON o.agency_code = r.agency_code AND o.period_code = r.period_code
WHERE r.received_to_p - COALESCE(e.ended_before, 0) > 0
OPTION (RECOMPILE);

-- step: pakn_counts
-- Handled in P after the deadline, or still open at P's end with the deadline passed, is late.
INSERT INTO #tmp_pakn_counts
SELECT x.agency_code, p.period_code, SUM(x.n),
    SUM(CASE WHEN x.hg = p.seq THEN x.n ELSE 0 END),
    SUM(CASE WHEN (x.hg = p.seq AND x.handled_late = 0) OR ((x.hg IS NULL OR x.hg > p.seq) AND (x.lg IS NULL OR x.lg > p.seq)) THEN x.n ELSE 0 END),
    SUM(CASE WHEN (x.hg = p.seq AND x.handled_late = 1) OR ((x.hg IS NULL OR x.hg > p.seq) AND x.lg <= p.seq) THEN x.n ELSE 0 END),
    SUM(CASE WHEN x.disliked = 1 OR (x.hg = p.seq AND x.handled_late = 1) OR ((x.hg IS NULL OR x.hg > p.seq) AND x.lg <= p.seq) THEN x.n ELSE 0 END)
FROM (
    SELECT agency_code,
        (CASE WHEN @reporting = 1 THEN rrs ELSE rs END) / @grain_months AS rg,
        (CASE WHEN @reporting = 1 THEN rhs ELSE hs END) / @grain_months AS hg,
        (CASE WHEN @reporting = 1 THEN rls ELSE ls END) / @grain_months AS lg,
        handled_late, disliked, n
    FROM #tmp_pakn_profile
) x
JOIN dim_period p ON p.grain = @grain AND p.seq >= x.rg AND p.seq <= COALESCE(x.hg, @to_seq)
                 AND p.seq BETWEEN @from_seq AND @to_seq
GROUP BY x.agency_code, p.period_code
OPTION (RECOMPILE);

-- step: dossier_zeros
-- A unit with PAKN in P but no dossier open in it received 0 dossiers, not an unknown number, once the one-stop
-- source has been loaded: its dossier rates are then 0 of 0, which the 766 rules score as they say for a unit
-- with no dossiers (index766.yaml, when_empty), as PAKN counts are 0 for a unit with dossiers but no PAKN.
INSERT INTO #tmp_dossier_counts
SELECT pk.agency_code, pk.period_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM #tmp_pakn_counts pk
WHERE @has_onestop = 1
  AND NOT EXISTS (SELECT 1 FROM #tmp_dossier_counts d WHERE d.agency_code = pk.agency_code AND d.period_code = pk.period_code);

-- step: combine
-- PAKN counts are 0, not unknown, for a unit with dossiers but no PAKN once the PAKN source has been loaded.
INSERT INTO #tmp_counts
SELECT k.agency_code, k.period_code,
    d.received_in_p, d.carried_over, d.received_online, d.processed_total, d.processed_early, d.processed_on_time,
    d.processed_late, d.pending_total, d.pending_overdue, d.fee_received, d.fee_paid_online, d.digitized, d.reused,
    d.result_required, d.result_electronic, d.disliked_or_late, d.late_with_apology, d.onestop_scope, d.onestop_late,
    d.personal_store, d.population_db,
    CASE WHEN pk.agency_code IS NOT NULL THEN pk.pakn_total WHEN @has_pakn = 1 THEN 0 END,
    CASE WHEN pk.agency_code IS NOT NULL THEN pk.pakn_handled WHEN @has_pakn = 1 THEN 0 END,
    CASE WHEN pk.agency_code IS NOT NULL THEN pk.pakn_on_time WHEN @has_pakn = 1 THEN 0 END,
    CASE WHEN pk.agency_code IS NOT NULL THEN pk.pakn_late WHEN @has_pakn = 1 THEN 0 END,
    CASE WHEN pk.agency_code IS NOT NULL THEN pk.pakn_disliked_or_late WHEN @has_pakn = 1 THEN 0 END
FROM (SELECT agency_code, period_code FROM #tmp_dossier_counts UNION SELECT agency_code, period_code FROM #tmp_pakn_counts) k
LEFT JOIN #tmp_dossier_counts d ON d.agency_code = k.agency_code AND d.period_code = k.period_code
LEFT JOIN #tmp_pakn_counts pk ON pk.agency_code = k.agency_code AND pk.period_code = k.period_code;

-- step: delete_values
-- Every value of the periods rebuilt: figures reported by hand come back from fact_figure (insert_figures).
DELETE FROM fact_indicator_value
WHERE period_code IN (SELECT period_code FROM dim_period WHERE grain = @grain AND seq BETWEEN @from_seq AND @to_seq);

-- step: insert_values
-- One row per unit, period and indicator. Counts: numerator = the count. Rates: numerator and denominator,
-- value in percent, NULL when the denominator is 0 (no data is not 0 %). Each measure comes from one source:
-- dossier measures exist where the unit had dossiers in the period, digitization rates only once the
-- digitization source has been loaded (before that they are unknown), PAKN measures where PAKN counts exist.
INSERT INTO fact_indicator_value (agency_code, period_code, indicator_code, numerator, denominator, value, rule_version, rule_set_id, build_id)
SELECT c.agency_code, c.period_code, m.indicator_code, m.numerator, m.denominator,
       CASE WHEN m.denominator IS NULL THEN m.numerator WHEN m.denominator > 0 THEN 100 * CAST(m.numerator AS float) / m.denominator END,
       @rule_version, @rule_set_id, @build_id
FROM #tmp_counts c
CROSS APPLY (VALUES
    ('dossier', 'received_total', c.received_in_p + c.carried_over, NULL),
    ('dossier', 'received_online', c.received_online, NULL),
    ('dossier', 'received_offline', c.received_in_p - c.received_online, NULL),
    ('dossier', 'carried_over', c.carried_over, NULL),
    ('dossier', 'processed_total', c.processed_total, NULL),
    ('dossier', 'processed_early', c.processed_early, NULL),
    ('dossier', 'processed_on_time', c.processed_on_time, NULL),
    ('dossier', 'processed_late', c.processed_late, NULL),
    ('dossier', 'pending_total', c.pending_total, NULL),
    ('dossier', 'pending_within_due', c.pending_total - c.pending_overdue, NULL),
    ('dossier', 'pending_overdue', c.pending_overdue, NULL),
    ('dossier', 'late_dossiers', c.processed_late + c.pending_overdue, NULL),
    ('dossier', 'on_time_rate_766', c.processed_early + c.processed_on_time + c.pending_total - c.pending_overdue, c.received_in_p + c.carried_over),
    ('dossier', 'on_time_rate_onestop', c.onestop_scope - c.onestop_late, c.onestop_scope),
    ('dossier', 'online_rate', c.received_online, c.received_in_p),
    ('dossier', 'online_payment_rate', c.fee_paid_online, c.fee_received),
    ('dossier', 'dossier_satisfaction_rate', c.received_in_p + c.carried_over - c.disliked_or_late, c.received_in_p + c.carried_over),
    ('dossier', 'apology_rate', c.late_with_apology, c.processed_late),
    ('digitization', 'digitized_dossier_rate', c.digitized, c.received_in_p),
    ('digitization', 'reuse_rate', c.reused, c.received_in_p),
    ('digitization', 'digitized_result_rate', c.result_electronic, c.result_required),
    ('digitization', 'personal_store_rate', c.personal_store, c.received_in_p),
    ('digitization', 'population_db_rate', c.population_db, c.received_in_p),
    ('pakn', 'pakn_total', c.pakn_total, NULL),
    ('pakn', 'pakn_handled', c.pakn_handled, NULL),
    ('pakn', 'pakn_late', c.pakn_late, NULL),
    ('pakn', 'pakn_on_time_rate', c.pakn_on_time, c.pakn_total),
    ('pakn', 'pakn_satisfaction_rate', c.pakn_total - c.pakn_disliked_or_late, c.pakn_total)
) m (measured_from, indicator_code, numerator, denominator)
WHERE ((m.measured_from = 'dossier' AND c.received_in_p IS NOT NULL)
    OR (m.measured_from = 'digitization' AND c.received_in_p IS NOT NULL AND @has_digitization = 1)
    OR (m.measured_from = 'pakn' AND c.pakn_total IS NOT NULL))
  -- A figure the unit reported for this unit, period and indicator takes the place of the computed value.
  AND NOT EXISTS (SELECT 1 FROM fact_figure f
                  WHERE f.agency_code = c.agency_code AND f.period_code = c.period_code AND f.indicator_code = m.indicator_code);

-- step: move_slices
-- The slices of split units move to fact_indicator_slice (see sql/sqlite/build/measures.sql).
DELETE FROM fact_indicator_slice
WHERE period_code IN (SELECT period_code FROM dim_period WHERE grain = @grain AND seq BETWEEN @from_seq AND @to_seq);
INSERT INTO fact_indicator_slice (predecessor_code, successor_code, period_code, indicator_code, numerator, denominator, value, build_id)
SELECT s.predecessor_code, s.successor_code, v.period_code, v.indicator_code, v.numerator, v.denominator, v.value, v.build_id
FROM (SELECT DISTINCT predecessor_code, successor_code, predecessor_code + N'→' + successor_code AS unit_code FROM agency_lineage_transfer) s
JOIN fact_indicator_value v ON v.agency_code = s.unit_code
JOIN dim_indicator i ON i.indicator_code = v.indicator_code AND i.lineage = N'field'
JOIN dim_period p ON p.period_code = v.period_code AND p.grain = @grain AND p.seq BETWEEN @from_seq AND @to_seq;
DELETE FROM fact_indicator_value
WHERE agency_code IN (SELECT predecessor_code + N'→' + successor_code FROM agency_lineage_transfer)
  AND period_code IN (SELECT period_code FROM dim_period WHERE grain = @grain AND seq BETWEEN @from_seq AND @to_seq);

-- step: insert_figures
-- Figures reported by hand, as loaded (rule_version 'figure' and no rule set: no counting rule made them;
-- fact_figure has the document and clause).
INSERT INTO fact_indicator_value (agency_code, period_code, indicator_code, numerator, denominator, value, rule_version, build_id)
SELECT f.agency_code, f.period_code, f.indicator_code, f.numerator, f.denominator, f.value, N'figure', @build_id
FROM fact_figure f JOIN dim_period p ON p.period_code = f.period_code
WHERE p.grain = @grain AND p.seq BETWEEN @from_seq AND @to_seq;

-- step: lineage
-- Each unit's series with its predecessors, for the periods rebuilt (see sql/sqlite/build/measures.sql).
DELETE FROM fact_indicator_lineage
WHERE period_code IN (SELECT period_code FROM dim_period WHERE grain = @grain AND seq BETWEEN @from_seq AND @to_seq);
-- The shares listed with FOR XML PATH: STRING_AGG needs SQL Server 2017, and 2016 SP1 is supported.
WITH notes AS (
    SELECT a.agency_code, N'ước tính theo tỷ lệ: ' + STUFF((
        SELECT N'; ' + x.ancestor_code + N' ' + FORMAT(x.share * 100, N'0.##', 'vi-VN') + N' %'
        FROM dbo.mart_agency_lineage x WHERE x.agency_code = a.agency_code AND x.share < 1 ORDER BY x.ancestor_code
        FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)'), 1, 2, N'') AS note
    FROM (SELECT DISTINCT agency_code FROM dbo.mart_agency_lineage WHERE share < 1) a
),
summed AS (
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
        JOIN dim_period p ON p.period_code = v.period_code
        WHERE p.grain = @grain AND p.seq BETWEEN @from_seq AND @to_seq AND i.unit IN ('count', 'percent')
          AND (i.lineage = 'share' OR (i.lineage = 'field' AND l.split_successor_code IS NULL) OR (i.lineage = 'own' AND l.depth = 0))
        UNION ALL
        SELECT l.agency_code, l.ancestor_code, 1.0, i.lineage, i.unit, v.period_code, v.indicator_code, v.numerator, v.denominator
        FROM dbo.mart_agency_lineage l
        JOIN fact_indicator_slice v ON v.predecessor_code = l.ancestor_code AND v.successor_code = l.split_successor_code
        JOIN dim_indicator i ON i.indicator_code = v.indicator_code
        JOIN dim_period p ON p.period_code = v.period_code
        WHERE p.grain = @grain AND p.seq BETWEEN @from_seq AND @to_seq AND i.lineage = 'field' AND i.unit IN ('count', 'percent')
    ) c
    GROUP BY c.agency_code, c.period_code, c.indicator_code, c.unit, c.lineage
)
INSERT INTO fact_indicator_lineage (agency_code, period_code, indicator_code, unit, numerator, denominator, value, units_combined, is_estimate, estimate_note, build_id)
SELECT s.agency_code, s.period_code, s.indicator_code, s.unit, s.numerator, s.denominator,
       CASE WHEN s.unit = 'count' THEN s.numerator WHEN s.denominator > 0 THEN 100.0 * s.numerator / s.denominator END,
       s.units_combined, s.is_estimate, CASE WHEN s.is_estimate = 1 THEN n.note END, @build_id
FROM summed s LEFT JOIN notes n ON n.agency_code = s.agency_code;

-- step: drop_temp
DROP TABLE IF EXISTS #tmp_dossier_counts;
DROP TABLE IF EXISTS #tmp_pakn_counts;
DROP TABLE IF EXISTS #tmp_counts;
