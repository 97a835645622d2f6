-- Merge of one one-stop snapshot into fact_dossier (accumulating snapshot), run step by step inside the
-- snapshot's transaction. Parameters: @snapshot_id, @as_of (ISO text), @as_of_key (yyyymmdd), @now.
--
-- On SQLite the loader does part of the work in memory while it reads the file (Dialects/Sqlite/SqliteDossierInsert:
-- one writer holds the file at a time, so nothing can change the dimensions meanwhile): it resolves every row's unit
-- and procedure keys (creating inferred units, new fields and procedures as SQL Server's add_* steps do), inserts the
-- dossiers the warehouse does not have straight into fact_dossier, queues their days for rebuild, and writes the
-- snapshot's attributes of existing procedures to stg_procedure. What is staged here is only the rest: lines of
-- dossiers that exist, including a later line of a dossier this snapshot inserted. SQL Server stages every row and
-- has the steps summarize_procedures, add_inferred_agencies, add_fields, add_procedures and insert_new besides.

-- step: create_staging
CREATE TEMP TABLE IF NOT EXISTS stg_dossier (
    line_no INTEGER NOT NULL, dossier_code TEXT NOT NULL, procedure_code TEXT NOT NULL, procedure_name TEXT,
    field_code TEXT, field_name TEXT, agency_code TEXT NOT NULL, agency_name TEXT, applicant_type INTEGER,
    received_at TEXT NOT NULL, due_at TEXT, finished_at TEXT, returned_at TEXT, status INTEGER, channel_key INTEGER NOT NULL,
    online_service TEXT, fee_amount REAL NOT NULL, paid_online INTEGER NOT NULL, supplement_requests INTEGER NOT NULL,
    supplement_wait_days REAL NOT NULL, apology_issued INTEGER NOT NULL, late_reason TEXT, citizen_rating TEXT,
    received_date_key INTEGER NOT NULL, end_date_key INTEGER, deadline_date_key INTEGER, outcome INTEGER,
    overdue_from_key INTEGER, is_withdrawn INTEGER NOT NULL,
    agency_key INTEGER, procedure_key INTEGER, dossier_key INTEGER, action TEXT);
DELETE FROM stg_dossier;
-- The snapshot's attributes of each procedure the warehouse had before it (the greatest over its rows).
CREATE TEMP TABLE IF NOT EXISTS stg_procedure (
    procedure_code TEXT NOT NULL PRIMARY KEY, procedure_name TEXT, field_key INTEGER, online_service TEXT);
DELETE FROM stg_procedure;

-- step: index_staging
CREATE INDEX IF NOT EXISTS temp.ix_stg_dossier_code ON stg_dossier (dossier_code, line_no);

-- step: drop_duplicates
-- A dossier listed twice in one file: the later line is the later state.
DELETE FROM stg_dossier
WHERE EXISTS (SELECT 1 FROM stg_dossier later
              WHERE later.dossier_code = stg_dossier.dossier_code AND later.line_no > stg_dossier.line_no);

-- step: keep_procedure_history
-- The attributes update_procedures is about to overwrite, so reverting this snapshot can put them back.
INSERT INTO dim_procedure_history (procedure_key, replaced_by_snapshot_id, row_json)
SELECT p.procedure_key, @snapshot_id, json_object(
    'procedure_key', p.procedure_key, 'procedure_code', p.procedure_code, 'procedure_name', p.procedure_name,
    'field_key', p.field_key, 'online_service', p.online_service)
FROM dim_procedure p JOIN stg_procedure u ON u.procedure_code = p.procedure_code
WHERE u.procedure_name IS NOT NULL AND u.procedure_name IS NOT p.procedure_name
   OR u.field_key IS NOT NULL AND u.field_key IS NOT p.field_key
   OR u.online_service IS NOT NULL AND u.online_service IS NOT p.online_service;

-- step: update_procedures
-- Procedure attributes follow the latest snapshot (type 1): the online service level improves over time.
UPDATE dim_procedure
SET procedure_name = COALESCE(u.procedure_name, dim_procedure.procedure_name),
    field_key      = COALESCE(u.field_key, dim_procedure.field_key),
    online_service = COALESCE(u.online_service, dim_procedure.online_service)
FROM stg_procedure u
WHERE u.procedure_code = dim_procedure.procedure_code
  AND (u.procedure_name IS NOT NULL AND u.procedure_name IS NOT dim_procedure.procedure_name
       OR u.field_key IS NOT NULL AND u.field_key IS NOT dim_procedure.field_key
       OR u.online_service IS NOT NULL AND u.online_service IS NOT dim_procedure.online_service);

-- step: resolve_keys
-- The staged row's unit and procedure keys were resolved in memory; the dossier it changes is found here.
UPDATE stg_dossier SET dossier_key = (SELECT d.dossier_key FROM fact_dossier d WHERE d.dossier_code = stg_dossier.dossier_code);

-- step: classify
-- N = unchanged, R = a later line of a dossier this snapshot inserted, with other content (the later line is the
-- later state; nothing to keep for a revert, which removes the dossier), S = stale (an older snapshot never moves a
-- dossier back in time), U = changed by a snapshot at least as recent as the one that wrote the row.
UPDATE stg_dossier
SET action = CASE
    WHEN f.agency_key IS stg_dossier.agency_key AND f.procedure_key IS stg_dossier.procedure_key AND f.channel_key IS stg_dossier.channel_key
     AND f.applicant_type IS stg_dossier.applicant_type AND f.received_at IS stg_dossier.received_at AND f.due_at IS stg_dossier.due_at
     AND f.finished_at IS stg_dossier.finished_at AND f.returned_at IS stg_dossier.returned_at AND f.status IS stg_dossier.status
     AND f.fee_amount IS stg_dossier.fee_amount AND f.paid_online IS stg_dossier.paid_online AND f.supplement_requests IS stg_dossier.supplement_requests
     AND f.supplement_wait_days IS stg_dossier.supplement_wait_days AND f.apology_issued IS stg_dossier.apology_issued
     AND f.late_reason IS stg_dossier.late_reason AND f.citizen_rating IS stg_dossier.citizen_rating THEN 'N'
    WHEN f.first_snapshot_id = @snapshot_id THEN 'R'
    WHEN f.source_as_of > @as_of THEN 'S'
    ELSE 'U' END
FROM fact_dossier f
WHERE f.dossier_key = stg_dossier.dossier_key;

-- step: mark_rebuild
-- Every day between the earliest received date and the latest end (or the as-of day while pending), old
-- and new state alike, may count differently now (the dossiers inserted straight were queued by the loader).
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(k_from), MAX(k_to), @now FROM (
    SELECT MIN(s.received_date_key, COALESCE(f.received_date_key, s.received_date_key)) AS k_from,
           MAX(COALESCE(s.end_date_key, @as_of_key),
               CASE WHEN f.dossier_key IS NULL THEN 0 ELSE COALESCE(f.end_date_key, @as_of_key) END) AS k_to
    FROM stg_dossier s LEFT JOIN fact_dossier f ON f.dossier_key = s.dossier_key
    WHERE s.action IN ('U', 'R')) changed
HAVING COUNT(*) > 0;

-- step: keep_history
-- The version a change replaces, so the snapshot can be reverted (revert/dossier.sql).
INSERT INTO fact_dossier_history (dossier_key, replaced_by_snapshot_id, row_json)
SELECT f.dossier_key, @snapshot_id, json_object(
    'dossier_key', f.dossier_key, 'dossier_code', f.dossier_code, 'agency_key', f.agency_key, 'procedure_key', f.procedure_key,
    'channel_key', f.channel_key, 'applicant_type', f.applicant_type, 'received_at', f.received_at, 'due_at', f.due_at,
    'finished_at', f.finished_at, 'returned_at', f.returned_at, 'status', f.status, 'fee_amount', f.fee_amount,
    'paid_online', f.paid_online, 'supplement_requests', f.supplement_requests, 'supplement_wait_days', f.supplement_wait_days,
    'apology_issued', f.apology_issued, 'late_reason', f.late_reason, 'citizen_rating', f.citizen_rating,
    'received_date_key', f.received_date_key, 'end_date_key', f.end_date_key, 'deadline_date_key', f.deadline_date_key,
    'outcome', f.outcome, 'overdue_from_key', f.overdue_from_key, 'is_withdrawn', f.is_withdrawn,
    'source_as_of', f.source_as_of, 'first_snapshot_id', f.first_snapshot_id, 'last_snapshot_id', f.last_snapshot_id)
FROM fact_dossier f JOIN stg_dossier s ON s.dossier_key = f.dossier_key
WHERE s.action = 'U';

-- step: update_changed
UPDATE fact_dossier
SET agency_key = s.agency_key, procedure_key = s.procedure_key, channel_key = s.channel_key, applicant_type = s.applicant_type,
    received_at = s.received_at, due_at = s.due_at, finished_at = s.finished_at, returned_at = s.returned_at, status = s.status,
    fee_amount = s.fee_amount, paid_online = s.paid_online, supplement_requests = s.supplement_requests,
    supplement_wait_days = s.supplement_wait_days, apology_issued = s.apology_issued, late_reason = s.late_reason,
    citizen_rating = s.citizen_rating, received_date_key = s.received_date_key, end_date_key = s.end_date_key,
    deadline_date_key = s.deadline_date_key, outcome = s.outcome, overdue_from_key = s.overdue_from_key,
    is_withdrawn = s.is_withdrawn, source_as_of = @as_of, last_snapshot_id = @snapshot_id
FROM stg_dossier s
WHERE s.dossier_key = fact_dossier.dossier_key AND s.action IN ('U', 'R');

-- step: resolve_quarantine
-- A dossier that loads now settles what an earlier snapshot quarantined under its code (the reason stays).
UPDATE etl_quarantine SET resolved_at = @now, resolved_by_snapshot_id = @snapshot_id
WHERE source = @source AND resolved_at IS NULL AND snapshot_id <> @snapshot_id
  AND (record_key IN (SELECT dossier_code FROM stg_dossier)
       OR EXISTS (SELECT 1 FROM fact_dossier f WHERE f.dossier_code = etl_quarantine.record_key AND f.last_snapshot_id = @snapshot_id));

-- step: count_actions
SELECT action, COUNT(*) AS n FROM stg_dossier GROUP BY action;

-- step: drop_staging
DROP TABLE IF EXISTS temp.stg_dossier;
DROP TABLE IF EXISTS temp.stg_procedure;
