-- Merge of one one-stop snapshot into fact_dossier (accumulating snapshot), run step by step inside the
-- snapshot's transaction. Parameters: @snapshot_id, @as_of (ISO text), @as_of_key (yyyymmdd), @now (ISO text).
--
-- The same steps, in the same order and with the same outcome, as sql/sqlite/load/dossier.sql. Where T-SQL differs:
--   * Staging is a session temp table. create_staging names no parameter, so it goes to the server as a
--     plain batch; a step with parameters runs inside sp_executesql, where a temp table created would
--     vanish when the call returns. Dapper sends the parameters whose names appear in the text, comments
--     included: keep the at-sign out of create_staging (in the pakn, digitization and target scripts too).
--   * Text columns of temp tables are COLLATE DATABASE_DEFAULT: tempdb has the server's collation, and
--     comparing it with the warehouse's Vietnamese collation would fail.
--   * SQLite's null-safe IS becomes EXISTS (SELECT staged INTERSECT SELECT stored), true when every pair
--     is equal or both NULL. Text is compared there in a binary collation, so a correction of letter case
--     is a change, as on SQLite. Staged values are cast to the stored types first (fees are decimal(18, 2)).
--   * SQLite lets one writer in at a time; here loads may run side by side. Reads that decide an insert or
--     an update take UPDLOCK, HOLDLOCK (held to commit): a second load touching the same units, fields,
--     procedures or dossiers waits for the first instead of inserting a duplicate member or writing a
--     dossier back to an older state.
--   * received_at is datetime2; the day it falls on is CAST(received_at AS date), compared with valid_from (date).
--   * Scalar MIN/MAX of two values: MIN/MAX over a VALUES list. json_object: FOR JSON PATH with the same keys
--     (bits as 0/1, as SQLite stores them).

-- step: create_staging
DROP TABLE IF EXISTS #stg_dossier;
CREATE TABLE #stg_dossier (
    line_no int NOT NULL, dossier_code nvarchar(100) COLLATE DATABASE_DEFAULT NOT NULL,
    procedure_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, procedure_name nvarchar(1000) COLLATE DATABASE_DEFAULT NULL,
    field_code nvarchar(50) COLLATE DATABASE_DEFAULT NULL, field_name nvarchar(400) COLLATE DATABASE_DEFAULT NULL,
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, agency_name nvarchar(300) COLLATE DATABASE_DEFAULT NULL,
    applicant_type int NULL, received_at datetime2(0) NOT NULL, due_at datetime2(0) NULL, finished_at datetime2(0) NULL,
    returned_at datetime2(0) NULL, status int NULL, channel_key int NOT NULL,
    online_service nvarchar(12) COLLATE DATABASE_DEFAULT NULL, fee_amount float NOT NULL, paid_online int NOT NULL,
    supplement_requests int NOT NULL, supplement_wait_days float NOT NULL, apology_issued int NOT NULL,
    late_reason nvarchar(1000) COLLATE DATABASE_DEFAULT NULL, citizen_rating nvarchar(10) COLLATE DATABASE_DEFAULT NULL,
    received_date_key int NOT NULL, end_date_key int NULL, deadline_date_key int NULL, outcome int NULL,
    overdue_from_key int NULL, is_withdrawn int NOT NULL,
    agency_key int NULL, procedure_key int NULL, dossier_key bigint NULL, action char(1) NULL);

-- step: index_staging
-- Clustered, so the steps that fill in keys and actions update rows in place (a heap would forward them).
CREATE CLUSTERED INDEX ix_stg_dossier_code ON #stg_dossier (dossier_code, line_no);

-- step: drop_duplicates
-- A dossier listed twice in one file: the later line is the later state.
DELETE s FROM #stg_dossier s
WHERE EXISTS (SELECT 1 FROM #stg_dossier later WHERE later.dossier_code = s.dossier_code AND later.line_no > s.line_no);

-- step: summarize_procedures
-- The procedures and fields of the snapshot, one row each (a few hundred), so the dimension steps below read them
-- instead of scanning every staged dossier four times. Like create_staging it names no parameter: the temp table
-- must outlive the step.
DROP TABLE IF EXISTS #stg_procedure;
SELECT procedure_code, field_code, MAX(field_name) AS field_name, MAX(procedure_name) AS procedure_name,
       MAX(online_service) AS online_service
INTO #stg_procedure
FROM #stg_dossier GROUP BY procedure_code, field_code;

-- step: add_inferred_agencies
-- Kimball inferred member: a unit the reference file does not know yet is created from the fact, flagged,
-- and completed in place when the reference file names it.
INSERT INTO dim_agency (agency_code, agency_name, agency_level, valid_from, is_inferred)
SELECT s.agency_code, COALESCE(MAX(s.agency_name), s.agency_code), N'unknown', '1900-01-01', 1
FROM #stg_dossier s
WHERE NOT EXISTS (SELECT 1 FROM dim_agency a WITH (UPDLOCK, HOLDLOCK) WHERE a.agency_code = s.agency_code)
GROUP BY s.agency_code;

-- step: add_fields
INSERT INTO dim_field (field_code, field_name)
SELECT s.field_code, MAX(s.field_name) FROM #stg_procedure s
WHERE s.field_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dim_field f WITH (UPDLOCK, HOLDLOCK) WHERE f.field_code = s.field_code)
GROUP BY s.field_code;

-- step: add_procedures
INSERT INTO dim_procedure (procedure_code, procedure_name, field_key, online_service)
SELECT s.procedure_code, MAX(s.procedure_name), MAX(f.field_key), MAX(s.online_service)
FROM #stg_procedure s LEFT JOIN dim_field f ON f.field_code = s.field_code
WHERE NOT EXISTS (SELECT 1 FROM dim_procedure p WITH (UPDLOCK, HOLDLOCK) WHERE p.procedure_code = s.procedure_code)
GROUP BY s.procedure_code;

-- step: keep_procedure_history
-- The attributes update_procedures is about to overwrite (the same test as there), so reverting this snapshot
-- can put them back.
INSERT INTO dim_procedure_history (procedure_key, replaced_by_snapshot_id, row_json)
SELECT p.procedure_key, @snapshot_id, (
    SELECT p.procedure_key, p.procedure_code, p.procedure_name, p.field_key, p.online_service
    FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)
FROM dim_procedure p
JOIN (SELECT s.procedure_code, MAX(s.procedure_name) AS procedure_name, MAX(f.field_key) AS field_key, MAX(s.online_service) AS online_service
      FROM #stg_procedure s LEFT JOIN dim_field f ON f.field_code = s.field_code GROUP BY s.procedure_code) u
  ON u.procedure_code = p.procedure_code
WHERE u.procedure_name IS NOT NULL AND (p.procedure_name IS NULL OR u.procedure_name <> p.procedure_name COLLATE Latin1_General_100_BIN2)
   OR u.field_key IS NOT NULL AND (p.field_key IS NULL OR u.field_key <> p.field_key)
   OR u.online_service IS NOT NULL AND (p.online_service IS NULL OR u.online_service <> p.online_service COLLATE Latin1_General_100_BIN2);

-- step: update_procedures
-- Procedure attributes follow the latest snapshot (type 1): the online service level improves over time.
-- Names are compared in a binary collation: a change of letter case is a change, as on SQLite.
UPDATE p
SET procedure_name = COALESCE(u.procedure_name, p.procedure_name),
    field_key      = COALESCE(u.field_key, p.field_key),
    online_service = COALESCE(u.online_service, p.online_service)
FROM dim_procedure p
JOIN (SELECT s.procedure_code, MAX(s.procedure_name) AS procedure_name, MAX(f.field_key) AS field_key, MAX(s.online_service) AS online_service
      FROM #stg_procedure s LEFT JOIN dim_field f ON f.field_code = s.field_code GROUP BY s.procedure_code) u
  ON u.procedure_code = p.procedure_code
WHERE u.procedure_name IS NOT NULL AND (p.procedure_name IS NULL OR u.procedure_name <> p.procedure_name COLLATE Latin1_General_100_BIN2)
   OR u.field_key IS NOT NULL AND (p.field_key IS NULL OR u.field_key <> p.field_key)
   OR u.online_service IS NOT NULL AND (p.online_service IS NULL OR u.online_service <> p.online_service COLLATE Latin1_General_100_BIN2);

-- step: resolve_keys
-- The unit version valid on the day the dossier was received; else its latest version. (APPLY rather than
-- COALESCE of two subqueries, which T-SQL would expand into running the first one twice.)
UPDATE s
SET agency_key = COALESCE(valid_then.agency_key, latest.agency_key),
    procedure_key = p.procedure_key,
    dossier_key = d.dossier_key
FROM #stg_dossier s
OUTER APPLY (SELECT TOP (1) a.agency_key FROM dim_agency a
             WHERE a.agency_code = s.agency_code
               AND a.valid_from <= CAST(s.received_at AS date) AND (a.valid_to IS NULL OR a.valid_to > CAST(s.received_at AS date))
             ORDER BY a.valid_from DESC) valid_then
OUTER APPLY (SELECT TOP (1) a.agency_key FROM dim_agency a WHERE a.agency_code = s.agency_code ORDER BY a.valid_from DESC) latest
LEFT JOIN dim_procedure p ON p.procedure_code = s.procedure_code
LEFT JOIN fact_dossier d WITH (UPDLOCK, HOLDLOCK) ON d.dossier_code = s.dossier_code;

-- step: classify
-- I = new, U = changed by a snapshot at least as recent as the one that wrote the row, S = stale (an older
-- snapshot never moves a dossier back in time), N = unchanged.
UPDATE #stg_dossier SET action = 'I' WHERE dossier_key IS NULL;
UPDATE s
SET action = CASE
    WHEN EXISTS (
        SELECT s.agency_key, s.procedure_key, s.channel_key, s.applicant_type, s.received_at, s.due_at,
               s.finished_at, s.returned_at, s.status, CAST(s.fee_amount AS decimal(18, 2)), s.paid_online, s.supplement_requests,
               s.supplement_wait_days, s.apology_issued,
               s.late_reason COLLATE Latin1_General_100_BIN2, s.citizen_rating COLLATE Latin1_General_100_BIN2
        INTERSECT
        SELECT f.agency_key, f.procedure_key, f.channel_key, f.applicant_type, f.received_at, f.due_at,
               f.finished_at, f.returned_at, f.status, f.fee_amount, f.paid_online, f.supplement_requests,
               f.supplement_wait_days, f.apology_issued,
               f.late_reason COLLATE Latin1_General_100_BIN2, f.citizen_rating COLLATE Latin1_General_100_BIN2) THEN 'N'
    WHEN f.source_as_of > CAST(@as_of AS datetime2(0)) THEN 'S'
    ELSE 'U' END
FROM #stg_dossier s JOIN fact_dossier f ON f.dossier_key = s.dossier_key;

-- step: mark_rebuild
-- Every day between the earliest received date and the latest end (or the as-of day while pending), old
-- and new state alike, may count differently now.
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(k_from), MAX(k_to), CAST(@now AS datetime2(0)) FROM (
    SELECT (SELECT MIN(k) FROM (VALUES (s.received_date_key), (COALESCE(f.received_date_key, s.received_date_key))) x (k)) AS k_from,
           (SELECT MAX(k) FROM (VALUES (COALESCE(s.end_date_key, @as_of_key)),
                                       (CASE WHEN f.dossier_key IS NULL THEN 0 ELSE COALESCE(f.end_date_key, @as_of_key) END)) x (k)) AS k_to
    FROM #stg_dossier s LEFT JOIN fact_dossier f ON f.dossier_key = s.dossier_key
    WHERE s.action IN ('I', 'U')) changed
HAVING COUNT(*) > 0;

-- step: keep_history
-- The version a change replaces, so the snapshot can be reverted (revert/dossier.sql).
INSERT INTO fact_dossier_history (dossier_key, replaced_by_snapshot_id, row_json)
SELECT f.dossier_key, @snapshot_id, (
    SELECT f.dossier_key, f.dossier_code, f.agency_key, f.procedure_key, f.channel_key, f.applicant_type, f.received_at, f.due_at,
           f.finished_at, f.returned_at, f.status, f.fee_amount, f.paid_online, f.supplement_requests, f.supplement_wait_days,
           CAST(f.apology_issued AS int) AS apology_issued, f.late_reason, f.citizen_rating,
           f.received_date_key, f.end_date_key, f.deadline_date_key, f.outcome, f.overdue_from_key,
           CAST(f.is_withdrawn AS int) AS is_withdrawn, f.source_as_of, f.first_snapshot_id, f.last_snapshot_id
    FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)
FROM fact_dossier f JOIN #stg_dossier s ON s.dossier_key = f.dossier_key
WHERE s.action = 'U';

-- step: update_changed
UPDATE f
SET agency_key = s.agency_key, procedure_key = s.procedure_key, channel_key = s.channel_key, applicant_type = s.applicant_type,
    received_at = s.received_at, due_at = s.due_at, finished_at = s.finished_at, returned_at = s.returned_at, status = s.status,
    fee_amount = s.fee_amount, paid_online = s.paid_online, supplement_requests = s.supplement_requests,
    supplement_wait_days = s.supplement_wait_days, apology_issued = s.apology_issued, late_reason = s.late_reason,
    citizen_rating = s.citizen_rating, received_date_key = s.received_date_key, end_date_key = s.end_date_key,
    deadline_date_key = s.deadline_date_key, outcome = s.outcome, overdue_from_key = s.overdue_from_key,
    is_withdrawn = s.is_withdrawn, source_as_of = CAST(@as_of AS datetime2(0)), last_snapshot_id = @snapshot_id
FROM fact_dossier f JOIN #stg_dossier s ON s.dossier_key = f.dossier_key
WHERE s.action = 'U';

-- step: insert_new
-- ORDER BY makes the new keys follow the file's line order (T-SQL guarantees it for IDENTITY).
INSERT INTO fact_dossier (dossier_code, agency_key, procedure_key, channel_key, applicant_type, received_at, due_at,
    finished_at, returned_at, status, fee_amount, paid_online, supplement_requests, supplement_wait_days, apology_issued,
    late_reason, citizen_rating, received_date_key, end_date_key, deadline_date_key, outcome, overdue_from_key, is_withdrawn,
    source_as_of, first_snapshot_id, last_snapshot_id)
SELECT dossier_code, agency_key, procedure_key, channel_key, applicant_type, received_at, due_at,
    finished_at, returned_at, status, fee_amount, paid_online, supplement_requests, supplement_wait_days, apology_issued,
    late_reason, citizen_rating, received_date_key, end_date_key, deadline_date_key, outcome, overdue_from_key, is_withdrawn,
    CAST(@as_of AS datetime2(0)), @snapshot_id, @snapshot_id
FROM #stg_dossier WHERE action = 'I'
ORDER BY line_no;

-- step: resolve_quarantine
-- A dossier that loads now settles what an earlier snapshot quarantined under its code (the reason stays).
UPDATE q SET resolved_at = CAST(@now AS datetime2(0)), resolved_by_snapshot_id = @snapshot_id
FROM etl_quarantine q
WHERE q.source = @source AND q.resolved_at IS NULL AND q.snapshot_id <> @snapshot_id
  AND q.record_key IN (SELECT s.dossier_code FROM #stg_dossier s);

-- step: count_actions
SELECT action, COUNT(*) AS n FROM #stg_dossier GROUP BY action;

-- step: drop_staging
DROP TABLE IF EXISTS #stg_dossier;
DROP TABLE IF EXISTS #stg_procedure;
