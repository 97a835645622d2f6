-- First stage of the measure build, run once per build: every dossier and PAKN in the date range is reduced to
-- the month (and reporting-month) sequence numbers of its milestones plus its period-independent flags, and
-- identical profiles are counted together. Each grain then joins these few rows to its periods instead of
-- re-evaluating every dossier (quarter = month / 3, half = month / 6, year = month / 12; likewise for the
-- reporting grains). Month sequences come from the yyyymmdd keys by arithmetic (year * 12 + month - 1), the
-- reporting month adds one from the cut-off day (Period.ReportCutOffDay, passed as @cutoff_day) on.
-- Parameters: @from_key, @to_key (yyyymmdd), @cutoff_day.

-- step: create_profiles
CREATE TEMP TABLE IF NOT EXISTS tmp_dossier_profile (
    agency_code TEXT NOT NULL,
    rs INTEGER NOT NULL, es INTEGER, os INTEGER,        -- month seq of received, end, first overdue day
    rrs INTEGER NOT NULL, res INTEGER, ros INTEGER,     -- the same in reporting months (15th -> 14th)
    online INTEGER NOT NULL, outcome INTEGER, has_fee INTEGER NOT NULL, paid_online INTEGER NOT NULL,
    digitized INTEGER NOT NULL, reused INTEGER NOT NULL, result_required INTEGER NOT NULL, result_electronic INTEGER NOT NULL,
    disliked INTEGER NOT NULL, apology INTEGER NOT NULL, withdrawn INTEGER NOT NULL,
    personal_store INTEGER NOT NULL, population_db INTEGER NOT NULL,
    n INTEGER NOT NULL);
CREATE TEMP TABLE IF NOT EXISTS tmp_pakn_profile (
    agency_code TEXT NOT NULL,
    rs INTEGER NOT NULL, hs INTEGER, ls INTEGER,        -- month seq of received, handled, first day past the deadline
    rrs INTEGER NOT NULL, rhs INTEGER, rls INTEGER,
    handled_late INTEGER NOT NULL, disliked INTEGER NOT NULL,
    n INTEGER NOT NULL);
DELETE FROM tmp_dossier_profile;
DELETE FROM tmp_pakn_profile;

-- step: profile_dossiers
INSERT INTO tmp_dossier_profile
SELECT a.agency_code,
       (d.received_date_key / 10000) * 12 + (d.received_date_key / 100) % 100 - 1, (d.end_date_key / 10000) * 12 + (d.end_date_key / 100) % 100 - 1, (d.overdue_from_key / 10000) * 12 + (d.overdue_from_key / 100) % 100 - 1,
       (d.received_date_key / 10000) * 12 + (d.received_date_key / 100) % 100 - 1 + CASE WHEN d.received_date_key % 100 >= @cutoff_day THEN 1 ELSE 0 END,
       (d.end_date_key / 10000) * 12 + (d.end_date_key / 100) % 100 - 1 + CASE WHEN d.end_date_key % 100 >= @cutoff_day THEN 1 ELSE 0 END,
       (d.overdue_from_key / 10000) * 12 + (d.overdue_from_key / 100) % 100 - 1 + CASE WHEN d.overdue_from_key % 100 >= @cutoff_day THEN 1 ELSE 0 END,
       CASE WHEN d.channel_key = 2 THEN 1 ELSE 0 END,
       d.outcome,
       CASE WHEN d.fee_amount > 0 THEN 1 ELSE 0 END,
       CASE WHEN d.fee_amount > 0 AND d.paid_online IN (1, 2) THEN 1 ELSE 0 END,
       CASE WHEN g.documents_digitized > 0 THEN 1 ELSE 0 END,
       CASE WHEN g.documents_reused > 0 THEN 1 ELSE 0 END,
       CASE WHEN g.result_required = 1 AND d.is_withdrawn = 0 THEN 1 ELSE 0 END,
       CASE WHEN g.result_required = 1 AND d.is_withdrawn = 0 AND g.result_electronic = 1 THEN 1 ELSE 0 END,
       CASE WHEN d.citizen_rating = 'dislike' THEN 1 ELSE 0 END,
       d.apology_issued, d.is_withdrawn,
       CASE WHEN g.from_personal_store = 1 THEN 1 ELSE 0 END,
       CASE WHEN g.population_db_used = 1 THEN 1 ELSE 0 END,
       COUNT(*)
FROM fact_dossier d
JOIN dim_agency a ON a.agency_key = d.agency_key
LEFT JOIN fact_digitization g ON g.dossier_code = d.dossier_code
-- Status 3 (not accepted) leaves every measure.
WHERE (d.status IS NULL OR d.status <> 3)
  AND d.received_date_key <= @to_key AND (d.end_date_key IS NULL OR d.end_date_key >= @from_key)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20;

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
LEFT JOIN dim_date l ON l.full_date = date(dl.full_date, '+1 day')
WHERE k.received_date_key <= @to_key AND (k.handled_date_key IS NULL OR k.handled_date_key >= @from_key)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

-- step: drop_profiles
DROP TABLE IF EXISTS temp.tmp_dossier_profile;
DROP TABLE IF EXISTS temp.tmp_pakn_profile;
