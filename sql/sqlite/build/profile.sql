-- First stage of the measure build, run once per build. Every dossier in the date range is reduced to the month
-- (and reporting-month) sequence numbers of its milestones, dossiers with the same milestones counted together
-- with their flags summed (profile_dossiers); those profiles are then turned into changes per unit and month
-- (dossier_months): what was received in the month, what ended in it, and by how much the pending-overdue stock
-- moved. Each grain then counts a period from these unit × month rows alone — a flow is the sum over the
-- period's months, a stock (carried over, pending, pending overdue) the sum of every change up to the period —
-- so its cost no longer grows with the dossiers (quarter = month / 3, half = month / 6, year = month / 12; likewise
-- for the reporting grains). A stock so summed equals counting the dossiers open at the period because no dossier
-- ends before it is received (DossierRowValidator quarantines such a row).
-- PAKN, far fewer, keep one profile per identical milestones, joined to the periods of their life.
-- Month sequences come from the yyyymmdd keys by arithmetic (year * 12 + month - 1), the reporting month adds
-- one from the cut-off day (Period.ReportCutOffDay, passed as @cutoff_day) on.
-- Open periods are provisional: a pending dossier or PAKN becomes overdue on its first overdue day only once the
-- data's as-of day (@as_of_key) has reached it, so the period that holds the as-of day counts its stock as at that
-- day, not at its calendar end (a closed period ends before the as-of day, where nothing changes).
-- Parameters: @from_key, @to_key, @as_of_key (yyyymmdd), @cutoff_day.

-- step: create_profiles
-- A dossier of a unit split between several successors (agency_lineage_transfer) also counts under the slice
-- "predecessor→successor" of the successor that took over its procedure (by procedure, else by field, else the
-- default). The slices' measures go to fact_indicator_slice (build/measures.sql, move_slices), so a successor's
-- history adds whole dossiers.
CREATE TEMP TABLE IF NOT EXISTS tmp_dossier_slice (
    agency_key INTEGER NOT NULL, procedure_key INTEGER NOT NULL, slice_code TEXT NOT NULL,
    PRIMARY KEY (agency_key, procedure_key)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS tmp_dossier_profile (
    agency_code TEXT NOT NULL, slice_code TEXT,        -- the unit, and the slice of a split unit's dossier
    rs INTEGER NOT NULL, es INTEGER, os INTEGER,        -- month seq of received, end, first overdue day
    rrs INTEGER NOT NULL, res INTEGER, ros INTEGER,     -- the same in reporting months (15th -> 14th)
    n INTEGER NOT NULL,
    -- flags counted in the month received
    online INTEGER NOT NULL, has_fee INTEGER NOT NULL, paid_online INTEGER NOT NULL, digitized INTEGER NOT NULL,
    reused INTEGER NOT NULL, personal_store INTEGER NOT NULL, population_db INTEGER NOT NULL,
    -- flags counted in the month ended
    early INTEGER NOT NULL, on_time INTEGER NOT NULL, late INTEGER NOT NULL,
    result_required INTEGER NOT NULL, result_electronic INTEGER NOT NULL, late_with_apology INTEGER NOT NULL,
    late_not_disliked INTEGER NOT NULL, late_not_withdrawn INTEGER NOT NULL,
    -- flags counted over the dossier's whole life
    disliked INTEGER NOT NULL, not_withdrawn INTEGER NOT NULL);
-- Changes per unit, calendar (reporting 0/1) and month: received in m, ended in m, pending-overdue stock change in m.
CREATE TEMP TABLE IF NOT EXISTS tmp_received_month (
    agency_code TEXT NOT NULL, reporting INTEGER NOT NULL, m INTEGER NOT NULL,
    n INTEGER NOT NULL, online INTEGER NOT NULL, has_fee INTEGER NOT NULL, paid_online INTEGER NOT NULL,
    digitized INTEGER NOT NULL, reused INTEGER NOT NULL, personal_store INTEGER NOT NULL, population_db INTEGER NOT NULL,
    disliked INTEGER NOT NULL, not_withdrawn INTEGER NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS tmp_ended_month (
    agency_code TEXT NOT NULL, reporting INTEGER NOT NULL, m INTEGER NOT NULL,
    n INTEGER NOT NULL, early INTEGER NOT NULL, on_time INTEGER NOT NULL, late INTEGER NOT NULL,
    result_required INTEGER NOT NULL, result_electronic INTEGER NOT NULL, late_with_apology INTEGER NOT NULL,
    late_not_disliked INTEGER NOT NULL, late_not_withdrawn INTEGER NOT NULL,
    disliked INTEGER NOT NULL, not_withdrawn INTEGER NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS tmp_overdue_month (
    agency_code TEXT NOT NULL, reporting INTEGER NOT NULL, m INTEGER NOT NULL,
    n INTEGER NOT NULL, not_disliked INTEGER NOT NULL, not_withdrawn INTEGER NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS tmp_pakn_profile (
    agency_code TEXT NOT NULL,
    rs INTEGER NOT NULL, hs INTEGER, ls INTEGER,        -- month seq of received, handled, first day past the deadline
    rrs INTEGER NOT NULL, rhs INTEGER, rls INTEGER,
    handled_late INTEGER NOT NULL, disliked INTEGER NOT NULL,
    n INTEGER NOT NULL);
DELETE FROM tmp_dossier_slice;
DELETE FROM tmp_dossier_profile;
DELETE FROM tmp_received_month;
DELETE FROM tmp_ended_month;
DELETE FROM tmp_overdue_month;
DELETE FROM tmp_pakn_profile;

-- step: dossier_slices
INSERT INTO tmp_dossier_slice
SELECT a.agency_key, p.procedure_key, a.agency_code || '→' || COALESCE(
    (SELECT t.successor_code FROM agency_lineage_transfer t WHERE t.predecessor_code = a.agency_code AND t.procedure_code = p.procedure_code),
    (SELECT t.successor_code FROM agency_lineage_transfer t WHERE t.predecessor_code = a.agency_code AND t.field_code = f.field_code),
    (SELECT t.successor_code FROM agency_lineage_transfer t WHERE t.predecessor_code = a.agency_code AND t.field_code IS NULL AND t.procedure_code IS NULL))
FROM dim_agency a CROSS JOIN dim_procedure p LEFT JOIN dim_field f ON f.field_key = p.field_key
WHERE a.agency_code IN (SELECT predecessor_code FROM agency_lineage_transfer);

-- step: profile_dossiers
-- Grouped twice. First per unit version (agency_key) and one whole number per milestone, its half-month: month seq
-- × 2, plus 1 from the cut-off day on, so it holds the calendar month (h / 2) and the reporting month (h / 2 + h % 2);
-- NULL when there is no such milestone. Then per unit code, with the six month sequences unfolded from the three.
-- The first GROUP BY is SQLite's one sort over every dossier: three integer keys after an integer, instead of eight
-- keys after the unit's text code joined per dossier, make it about a third cheaper (10M dossiers, the step without
-- its digitization look-up: 24.0–26.9 s → 17.8 s; with it, 25.6 → 20.9 s). The unary + on agency_key keeps SQLite from reading the dossiers
-- in that key's order through ix_fact_dossier_agency_received, one random row fetch per dossier.
INSERT INTO tmp_dossier_profile
SELECT a.agency_code, p.slice_code, p.r / 2, p.e / 2, p.o / 2, p.r / 2 + p.r % 2, p.e / 2 + p.e % 2, p.o / 2 + p.o % 2,
       SUM(p.n), SUM(p.online), SUM(p.has_fee), SUM(p.paid_online), SUM(p.digitized), SUM(p.reused), SUM(p.personal_store),
       SUM(p.population_db), SUM(p.early), SUM(p.on_time), SUM(p.late), SUM(p.result_required), SUM(p.result_electronic),
       SUM(p.late_with_apology), SUM(p.late_not_disliked), SUM(p.late_not_withdrawn), SUM(p.disliked), SUM(p.not_withdrawn)
FROM (
    SELECT agency_key, slice_code, r, e, o, COUNT(*) AS n,
           SUM(online) AS online, SUM(has_fee) AS has_fee, SUM(paid_online) AS paid_online, SUM(digitized) AS digitized,
           SUM(reused) AS reused, SUM(personal_store) AS personal_store, SUM(population_db) AS population_db,
           SUM(CASE WHEN outcome = 1 THEN 1 ELSE 0 END) AS early, SUM(CASE WHEN outcome = 2 THEN 1 ELSE 0 END) AS on_time,
           SUM(CASE WHEN outcome = 3 THEN 1 ELSE 0 END) AS late,
           SUM(result_required) AS result_required, SUM(result_electronic) AS result_electronic,
           SUM(CASE WHEN outcome = 3 THEN apology ELSE 0 END) AS late_with_apology,
           SUM(CASE WHEN outcome = 3 AND disliked = 0 THEN 1 ELSE 0 END) AS late_not_disliked,
           SUM(CASE WHEN outcome = 3 AND withdrawn = 0 THEN 1 ELSE 0 END) AS late_not_withdrawn,
           SUM(disliked) AS disliked, SUM(1 - withdrawn) AS not_withdrawn
    FROM (
        SELECT +d.agency_key AS agency_key, s.slice_code,
               ((d.received_date_key / 10000) * 12 + (d.received_date_key / 100) % 100 - 1) * 2
                   + (d.received_date_key % 100 >= @cutoff_day) AS r,
               ((d.end_date_key / 10000) * 12 + (d.end_date_key / 100) % 100 - 1) * 2 + (d.end_date_key % 100 >= @cutoff_day) AS e,
               CASE WHEN d.overdue_from_key <= @as_of_key THEN ((d.overdue_from_key / 10000) * 12 + (d.overdue_from_key / 100) % 100 - 1) * 2
                   + (d.overdue_from_key % 100 >= @cutoff_day) END AS o,
               CASE WHEN d.channel_key = 2 THEN 1 ELSE 0 END AS online,
               d.outcome,
               CASE WHEN d.fee_amount > 0 THEN 1 ELSE 0 END AS has_fee,
               CASE WHEN d.fee_amount > 0 AND d.paid_online IN (1, 2) THEN 1 ELSE 0 END AS paid_online,
               CASE WHEN g.documents_digitized > 0 THEN 1 ELSE 0 END AS digitized,
               CASE WHEN g.documents_reused > 0 THEN 1 ELSE 0 END AS reused,
               CASE WHEN g.result_required = 1 AND d.is_withdrawn = 0 THEN 1 ELSE 0 END AS result_required,
               CASE WHEN g.result_required = 1 AND d.is_withdrawn = 0 AND g.result_electronic = 1 THEN 1 ELSE 0 END AS result_electronic,
               CASE WHEN d.citizen_rating = 'dislike' THEN 1 ELSE 0 END AS disliked,
               d.apology_issued AS apology, d.is_withdrawn AS withdrawn,
               CASE WHEN g.from_personal_store = 1 THEN 1 ELSE 0 END AS personal_store,
               CASE WHEN g.population_db_used = 1 THEN 1 ELSE 0 END AS population_db
        FROM fact_dossier d
        LEFT JOIN tmp_dossier_slice s ON s.agency_key = d.agency_key AND s.procedure_key = d.procedure_key
        LEFT JOIN fact_digitization g ON g.dossier_code = d.dossier_code
        -- Status 3 (not accepted) leaves every measure. The unary + keeps SQLite from reading the dossiers through
        -- ix_fact_dossier_pending (one random row fetch per dossier): even a build of the last year alone reads a
        -- fifth of them, which one pass over the table does faster (measured at 1M: 4.0 s against 5.5 s in full).
        WHERE (d.status IS NULL OR d.status <> 3)
          AND d.received_date_key <= @to_key AND (d.end_date_key IS NULL OR +d.end_date_key >= @from_key)
    ) x
    GROUP BY agency_key, slice_code, r, e, o
) p
JOIN dim_agency a ON a.agency_key = p.agency_key
GROUP BY a.agency_code, p.slice_code, p.r, p.e, p.o;

-- step: profile_slices
-- A split unit's profiles once more under their slice, so the slices are counted like units.
INSERT INTO tmp_dossier_profile
SELECT slice_code, NULL, rs, es, os, rrs, res, ros, n, online, has_fee, paid_online, digitized, reused, personal_store,
       population_db, early, on_time, late, result_required, result_electronic, late_with_apology, late_not_disliked,
       late_not_withdrawn, disliked, not_withdrawn
FROM tmp_dossier_profile WHERE slice_code IS NOT NULL;

-- step: dossier_months
-- Each profile once per calendar: c.reporting = 0 reads the calendar months, 1 the reporting months.
-- A still-open dossier joins the pending-overdue stock in the month both received and overdue (the later of the
-- two) and leaves it in the month it ends, if that is not earlier (the latest of the three): same month, no change.
INSERT INTO tmp_received_month
SELECT x.agency_code, c.reporting, CASE WHEN c.reporting = 1 THEN x.rrs ELSE x.rs END,
       SUM(x.n), SUM(x.online), SUM(x.has_fee), SUM(x.paid_online), SUM(x.digitized), SUM(x.reused),
       SUM(x.personal_store), SUM(x.population_db), SUM(x.disliked), SUM(x.not_withdrawn)
FROM tmp_dossier_profile x CROSS JOIN (SELECT 0 AS reporting UNION ALL SELECT 1) c
GROUP BY x.agency_code, c.reporting, CASE WHEN c.reporting = 1 THEN x.rrs ELSE x.rs END;
INSERT INTO tmp_ended_month
SELECT x.agency_code, c.reporting, CASE WHEN c.reporting = 1 THEN x.res ELSE x.es END,
       SUM(x.n), SUM(x.early), SUM(x.on_time), SUM(x.late), SUM(x.result_required), SUM(x.result_electronic),
       SUM(x.late_with_apology), SUM(x.late_not_disliked), SUM(x.late_not_withdrawn), SUM(x.disliked), SUM(x.not_withdrawn)
FROM tmp_dossier_profile x CROSS JOIN (SELECT 0 AS reporting UNION ALL SELECT 1) c
WHERE x.es IS NOT NULL
GROUP BY x.agency_code, c.reporting, CASE WHEN c.reporting = 1 THEN x.res ELSE x.es END;
INSERT INTO tmp_overdue_month
SELECT agency_code, reporting, m, SUM(n), SUM(not_disliked), SUM(not_withdrawn)
FROM (
    SELECT x.agency_code, c.reporting,
           CASE WHEN c.reporting = 1 THEN CASE WHEN x.ros > x.rrs THEN x.ros ELSE x.rrs END
                ELSE CASE WHEN x.os > x.rs THEN x.os ELSE x.rs END END AS m,
           x.n, x.n - x.disliked AS not_disliked, x.not_withdrawn
    FROM tmp_dossier_profile x CROSS JOIN (SELECT 0 AS reporting UNION ALL SELECT 1) c
    WHERE x.os IS NOT NULL
    UNION ALL
    SELECT x.agency_code, c.reporting,
           CASE WHEN c.reporting = 1 THEN CASE WHEN x.res > x.ros AND x.res > x.rrs THEN x.res WHEN x.ros > x.rrs THEN x.ros ELSE x.rrs END
                ELSE CASE WHEN x.es > x.os AND x.es > x.rs THEN x.es WHEN x.os > x.rs THEN x.os ELSE x.rs END END,
           -x.n, x.disliked - x.n, -x.not_withdrawn
    FROM tmp_dossier_profile x CROSS JOIN (SELECT 0 AS reporting UNION ALL SELECT 1) c
    WHERE x.os IS NOT NULL AND x.es IS NOT NULL
) v
GROUP BY agency_code, reporting, m;

-- step: profile_pakn
INSERT INTO tmp_pakn_profile
SELECT a.agency_code, r.month_seq, h.month_seq, l.month_seq, r.report_month_seq, h.report_month_seq, l.report_month_seq,
       CASE WHEN k.handled_date_key > k.deadline_date_key THEN 1 ELSE 0 END,
       CASE WHEN k.reaction = 'dislike' THEN 1 ELSE 0 END,
       COUNT(*)
FROM fact_pakn k
JOIN dim_agency a ON a.agency_key = k.agency_key
JOIN dim_date r ON r.date_key = k.received_date_key
LEFT JOIN dim_date h ON h.date_key = k.handled_date_key
JOIN dim_date dl ON dl.date_key = k.deadline_date_key
LEFT JOIN dim_date l ON l.full_date = date(dl.full_date, '+1 day') AND k.deadline_date_key < @as_of_key
WHERE k.received_date_key <= @to_key AND (k.handled_date_key IS NULL OR k.handled_date_key >= @from_key)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

-- step: drop_profiles
DROP TABLE IF EXISTS temp.tmp_dossier_slice;
DROP TABLE IF EXISTS temp.tmp_dossier_profile;
DROP TABLE IF EXISTS temp.tmp_received_month;
DROP TABLE IF EXISTS temp.tmp_ended_month;
DROP TABLE IF EXISTS temp.tmp_overdue_month;
DROP TABLE IF EXISTS temp.tmp_pakn_profile;
