-- First stage of the measure build, run once per build (see sql/sqlite/build/profile.sql for the idea): every
-- dossier in the date range is reduced to the month and reporting-month sequence numbers of its milestones,
-- dossiers with the same milestones counted together with their flags summed, and those profiles turned into
-- changes per unit and month (received, ended, pending-overdue stock); every PAKN to one profile per identical
-- milestones. Overdue only from the data's as-of day on (@as_of_key: open periods are provisional, as on SQLite).
-- Parameters: @from_key, @to_key, @as_of_key, @cutoff_day (month sequences from yyyymmdd keys by arithmetic, as on SQLite).
-- T-SQL differences: session temp tables created by a step that names no parameter (a parameterised batch
-- runs in sp_executesql, which would drop them on return); GROUP BY repeats no ordinals, so the flags are
-- computed in a derived table first; the day after a PAKN deadline is DATEADD on the date dimension.

-- step: create_profiles
DROP TABLE IF EXISTS #tmp_dossier_slice;
DROP TABLE IF EXISTS #tmp_dossier_profile;
DROP TABLE IF EXISTS #tmp_received_month;
DROP TABLE IF EXISTS #tmp_ended_month;
DROP TABLE IF EXISTS #tmp_overdue_month;
DROP TABLE IF EXISTS #tmp_pakn_profile;
-- The slice "predecessor→successor" a split unit's dossier also counts under (see sql/sqlite/build/profile.sql).
CREATE TABLE #tmp_dossier_slice (
    agency_key int NOT NULL, procedure_key int NOT NULL, slice_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL,
    PRIMARY KEY (agency_key, procedure_key));
CREATE TABLE #tmp_dossier_profile (
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, slice_code nvarchar(50) COLLATE DATABASE_DEFAULT NULL,
    rs int NOT NULL, es int NULL, os int NULL, rrs int NOT NULL, res int NULL, ros int NULL,
    n bigint NOT NULL,
    online int NOT NULL, has_fee int NOT NULL, paid_online int NOT NULL, digitized int NOT NULL,
    reused int NOT NULL, personal_store int NOT NULL, population_db int NOT NULL,
    early int NOT NULL, on_time int NOT NULL, late int NOT NULL,
    result_required int NOT NULL, result_electronic int NOT NULL, late_with_apology int NOT NULL,
    late_not_disliked int NOT NULL, late_not_withdrawn int NOT NULL,
    disliked int NOT NULL, not_withdrawn int NOT NULL);
CREATE TABLE #tmp_received_month (
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, reporting int NOT NULL, m int NOT NULL,
    n bigint NOT NULL, online int NOT NULL, has_fee int NOT NULL, paid_online int NOT NULL,
    digitized int NOT NULL, reused int NOT NULL, personal_store int NOT NULL, population_db int NOT NULL,
    disliked int NOT NULL, not_withdrawn int NOT NULL);
CREATE TABLE #tmp_ended_month (
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, reporting int NOT NULL, m int NOT NULL,
    n bigint NOT NULL, early int NOT NULL, on_time int NOT NULL, late int NOT NULL,
    result_required int NOT NULL, result_electronic int NOT NULL, late_with_apology int NOT NULL,
    late_not_disliked int NOT NULL, late_not_withdrawn int NOT NULL,
    disliked int NOT NULL, not_withdrawn int NOT NULL);
CREATE TABLE #tmp_overdue_month (
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, reporting int NOT NULL, m int NOT NULL,
    n bigint NOT NULL, not_disliked bigint NOT NULL, not_withdrawn int NOT NULL);
CREATE TABLE #tmp_pakn_profile (
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL,
    rs int NOT NULL, hs int NULL, ls int NULL, rrs int NOT NULL, rhs int NULL, rls int NULL,
    handled_late int NOT NULL, disliked int NOT NULL,
    n bigint NOT NULL);

-- step: dossier_slices
INSERT INTO #tmp_dossier_slice
SELECT a.agency_key, p.procedure_key, a.agency_code + N'→' + COALESCE(
    (SELECT t.successor_code FROM agency_lineage_transfer t WHERE t.predecessor_code = a.agency_code AND t.procedure_code = p.procedure_code),
    (SELECT t.successor_code FROM agency_lineage_transfer t WHERE t.predecessor_code = a.agency_code AND t.field_code = f.field_code),
    (SELECT t.successor_code FROM agency_lineage_transfer t WHERE t.predecessor_code = a.agency_code AND t.field_code IS NULL AND t.procedure_code IS NULL))
FROM dim_agency a CROSS JOIN dim_procedure p LEFT JOIN dim_field f ON f.field_key = p.field_key
WHERE a.agency_code IN (SELECT predecessor_code FROM agency_lineage_transfer);

-- step: profile_dossiers
INSERT INTO #tmp_dossier_profile
SELECT agency_code, slice_code, rs, es, os, rrs, res, ros, COUNT_BIG(*),
       SUM(online), SUM(has_fee), SUM(paid_online), SUM(digitized), SUM(reused), SUM(personal_store), SUM(population_db),
       SUM(CASE WHEN outcome = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 3 THEN 1 ELSE 0 END),
       SUM(result_required), SUM(result_electronic),
       SUM(CASE WHEN outcome = 3 THEN apology ELSE 0 END),
       SUM(CASE WHEN outcome = 3 AND disliked = 0 THEN 1 ELSE 0 END),
       SUM(CASE WHEN outcome = 3 AND withdrawn = 0 THEN 1 ELSE 0 END),
       SUM(disliked), SUM(1 - withdrawn)
FROM (
    SELECT a.agency_code, s.slice_code, (d.received_date_key / 10000) * 12 + (d.received_date_key / 100) % 100 - 1 AS rs,
           (d.end_date_key / 10000) * 12 + (d.end_date_key / 100) % 100 - 1 AS es,
           CASE WHEN d.overdue_from_key <= @as_of_key THEN (d.overdue_from_key / 10000) * 12 + (d.overdue_from_key / 100) % 100 - 1 END AS os,
           (d.received_date_key / 10000) * 12 + (d.received_date_key / 100) % 100 - 1 + CASE WHEN d.received_date_key % 100 >= @cutoff_day THEN 1 ELSE 0 END AS rrs,
           (d.end_date_key / 10000) * 12 + (d.end_date_key / 100) % 100 - 1 + CASE WHEN d.end_date_key % 100 >= @cutoff_day THEN 1 ELSE 0 END AS res,
           CASE WHEN d.overdue_from_key <= @as_of_key THEN (d.overdue_from_key / 10000) * 12 + (d.overdue_from_key / 100) % 100 - 1
                + CASE WHEN d.overdue_from_key % 100 >= @cutoff_day THEN 1 ELSE 0 END END AS ros,
           CASE WHEN d.channel_key = 2 THEN 1 ELSE 0 END AS online,
           CAST(d.outcome AS int) AS outcome,
           CASE WHEN d.fee_amount > 0 THEN 1 ELSE 0 END AS has_fee,
           CASE WHEN d.fee_amount > 0 AND d.paid_online IN (1, 2) THEN 1 ELSE 0 END AS paid_online,
           CASE WHEN g.documents_digitized > 0 THEN 1 ELSE 0 END AS digitized,
           CASE WHEN g.documents_reused > 0 THEN 1 ELSE 0 END AS reused,
           CASE WHEN g.result_required = 1 AND d.is_withdrawn = 0 THEN 1 ELSE 0 END AS result_required,
           CASE WHEN g.result_required = 1 AND d.is_withdrawn = 0 AND g.result_electronic = 1 THEN 1 ELSE 0 END AS result_electronic,
           CASE WHEN d.citizen_rating = N'dislike' THEN 1 ELSE 0 END AS disliked,
           CAST(d.apology_issued AS int) AS apology,
           CAST(d.is_withdrawn AS int) AS withdrawn,
           CASE WHEN g.from_personal_store = 1 THEN 1 ELSE 0 END AS personal_store,
           CASE WHEN g.population_db_used = 1 THEN 1 ELSE 0 END AS population_db
    FROM fact_dossier d
    JOIN dim_agency a ON a.agency_key = d.agency_key
    LEFT JOIN #tmp_dossier_slice s ON s.agency_key = d.agency_key AND s.procedure_key = d.procedure_key
    LEFT JOIN fact_digitization g ON g.dossier_code = d.dossier_code
    -- Status 3 (not accepted) leaves every measure.
    WHERE (d.status IS NULL OR d.status <> 3)
      AND d.received_date_key <= @to_key AND (d.end_date_key IS NULL OR d.end_date_key >= @from_key)
) x
GROUP BY agency_code, slice_code, rs, es, os, rrs, res, ros;

-- step: profile_slices
-- A split unit's profiles once more under their slice, so the slices are counted like units.
INSERT INTO #tmp_dossier_profile
SELECT slice_code, NULL, rs, es, os, rrs, res, ros, n, online, has_fee, paid_online, digitized, reused, personal_store,
       population_db, early, on_time, late, result_required, result_electronic, late_with_apology, late_not_disliked,
       late_not_withdrawn, disliked, not_withdrawn
FROM #tmp_dossier_profile WHERE slice_code IS NOT NULL;

-- step: dossier_months
-- Each profile once per calendar (c.reporting 0: calendar months, 1: reporting months). A still-open dossier joins
-- the pending-overdue stock in the later of its received and overdue months and leaves it in the latest of those
-- and its end month: same month, no change.
INSERT INTO #tmp_received_month
SELECT x.agency_code, c.reporting, CASE WHEN c.reporting = 1 THEN x.rrs ELSE x.rs END,
       SUM(x.n), SUM(x.online), SUM(x.has_fee), SUM(x.paid_online), SUM(x.digitized), SUM(x.reused),
       SUM(x.personal_store), SUM(x.population_db), SUM(x.disliked), SUM(x.not_withdrawn)
FROM #tmp_dossier_profile x CROSS JOIN (VALUES (0), (1)) c (reporting)
GROUP BY x.agency_code, c.reporting, CASE WHEN c.reporting = 1 THEN x.rrs ELSE x.rs END;
INSERT INTO #tmp_ended_month
SELECT x.agency_code, c.reporting, CASE WHEN c.reporting = 1 THEN x.res ELSE x.es END,
       SUM(x.n), SUM(x.early), SUM(x.on_time), SUM(x.late), SUM(x.result_required), SUM(x.result_electronic),
       SUM(x.late_with_apology), SUM(x.late_not_disliked), SUM(x.late_not_withdrawn), SUM(x.disliked), SUM(x.not_withdrawn)
FROM #tmp_dossier_profile x CROSS JOIN (VALUES (0), (1)) c (reporting)
WHERE x.es IS NOT NULL
GROUP BY x.agency_code, c.reporting, CASE WHEN c.reporting = 1 THEN x.res ELSE x.es END;
INSERT INTO #tmp_overdue_month
SELECT agency_code, reporting, m, SUM(n), SUM(not_disliked), SUM(not_withdrawn)
FROM (
    SELECT x.agency_code, c.reporting,
           CASE WHEN c.reporting = 1 THEN CASE WHEN x.ros > x.rrs THEN x.ros ELSE x.rrs END
                ELSE CASE WHEN x.os > x.rs THEN x.os ELSE x.rs END END AS m,
           x.n, x.n - x.disliked AS not_disliked, x.not_withdrawn
    FROM #tmp_dossier_profile x CROSS JOIN (VALUES (0), (1)) c (reporting)
    WHERE x.os IS NOT NULL
    UNION ALL
    SELECT x.agency_code, c.reporting,
           CASE WHEN c.reporting = 1 THEN CASE WHEN x.res > x.ros AND x.res > x.rrs THEN x.res WHEN x.ros > x.rrs THEN x.ros ELSE x.rrs END
                ELSE CASE WHEN x.es > x.os AND x.es > x.rs THEN x.es WHEN x.os > x.rs THEN x.os ELSE x.rs END END,
           -x.n, x.disliked - x.n, -x.not_withdrawn
    FROM #tmp_dossier_profile x CROSS JOIN (VALUES (0), (1)) c (reporting)
    WHERE x.os IS NOT NULL AND x.es IS NOT NULL
) v
GROUP BY agency_code, reporting, m;

-- step: profile_pakn
INSERT INTO #tmp_pakn_profile
SELECT agency_code, rs, hs, ls, rrs, rhs, rls, handled_late, disliked, COUNT_BIG(*)
FROM (
    SELECT a.agency_code, r.month_seq AS rs, h.month_seq AS hs, l.month_seq AS ls,
           r.report_month_seq AS rrs, h.report_month_seq AS rhs, l.report_month_seq AS rls,
           CASE WHEN k.handled_date_key > k.deadline_date_key THEN 1 ELSE 0 END AS handled_late,
           CASE WHEN k.reaction = N'dislike' THEN 1 ELSE 0 END AS disliked
    FROM fact_pakn k
    JOIN dim_agency a ON a.agency_key = k.agency_key
    JOIN dim_date r ON r.date_key = k.received_date_key
    LEFT JOIN dim_date h ON h.date_key = k.handled_date_key
    JOIN dim_date dl ON dl.date_key = k.deadline_date_key
    LEFT JOIN dim_date l ON l.full_date = DATEADD(day, 1, dl.full_date) AND k.deadline_date_key < @as_of_key
    WHERE k.received_date_key <= @to_key AND (k.handled_date_key IS NULL OR k.handled_date_key >= @from_key)
) x
GROUP BY agency_code, rs, hs, ls, rrs, rhs, rls, handled_late, disliked;

-- step: drop_profiles
DROP TABLE IF EXISTS #tmp_dossier_slice;
DROP TABLE IF EXISTS #tmp_dossier_profile;
DROP TABLE IF EXISTS #tmp_received_month;
DROP TABLE IF EXISTS #tmp_ended_month;
DROP TABLE IF EXISTS #tmp_overdue_month;
DROP TABLE IF EXISTS #tmp_pakn_profile;
