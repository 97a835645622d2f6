-- Reverting one one-stop snapshot, step by step inside one transaction: the same steps, in the same order and with
-- the same outcome, as sql/sqlite/revert/dossier.sql (read it for the why). Parameters: @snapshot_id, @horizon_key, @now.
-- Where T-SQL differs: the kept versions are read with OPENJSON ... WITH (typed columns) rather than json_extract,
-- and later_snapshots reads with UPDLOCK, HOLDLOCK so that no load can take one of these dossiers between the check
-- and the restore (a load touching them waits for the revert to commit).

-- step: preview
SELECT (SELECT COUNT(*) FROM fact_dossier WHERE first_snapshot_id = @snapshot_id) AS inserted,
       (SELECT COUNT(*) FROM fact_dossier_history WHERE replaced_by_snapshot_id = @snapshot_id) AS replaced;

-- step: later_snapshots
SELECT DISTINCT f.last_snapshot_id FROM fact_dossier f WITH (UPDLOCK, HOLDLOCK)
WHERE f.last_snapshot_id <> @snapshot_id
  AND (f.first_snapshot_id = @snapshot_id
       OR EXISTS (SELECT 1 FROM fact_dossier_history h WHERE h.dossier_key = f.dossier_key AND h.replaced_by_snapshot_id = @snapshot_id))
ORDER BY f.last_snapshot_id;

-- step: mark_rebuild
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(k_from), MAX(k_to), CAST(@now AS datetime2(0)) FROM (
    SELECT received_date_key AS k_from, COALESCE(end_date_key, @horizon_key) AS k_to
    FROM fact_dossier WHERE last_snapshot_id = @snapshot_id
    UNION ALL
    SELECT j.received_date_key, COALESCE(j.end_date_key, @horizon_key)
    FROM fact_dossier_history h
    CROSS APPLY OPENJSON(h.row_json) WITH (received_date_key int, end_date_key int) j
    WHERE h.replaced_by_snapshot_id = @snapshot_id) changed
HAVING COUNT(*) > 0;

-- step: restore_changed
UPDATE f
SET agency_key = j.agency_key, procedure_key = j.procedure_key, channel_key = j.channel_key, applicant_type = j.applicant_type,
    received_at = j.received_at, due_at = j.due_at, finished_at = j.finished_at, returned_at = j.returned_at, status = j.status,
    fee_amount = j.fee_amount, paid_online = j.paid_online, supplement_requests = j.supplement_requests,
    supplement_wait_days = j.supplement_wait_days, apology_issued = j.apology_issued, late_reason = j.late_reason,
    citizen_rating = j.citizen_rating, received_date_key = j.received_date_key, end_date_key = j.end_date_key,
    deadline_date_key = j.deadline_date_key, outcome = j.outcome, overdue_from_key = j.overdue_from_key,
    is_withdrawn = j.is_withdrawn, source_as_of = j.source_as_of, first_snapshot_id = j.first_snapshot_id,
    last_snapshot_id = j.last_snapshot_id
FROM fact_dossier f
JOIN fact_dossier_history h ON h.dossier_key = f.dossier_key AND h.replaced_by_snapshot_id = @snapshot_id
CROSS APPLY OPENJSON(h.row_json) WITH (
    agency_key int, procedure_key int, channel_key int, applicant_type tinyint, received_at datetime2(0), due_at datetime2(0),
    finished_at datetime2(0), returned_at datetime2(0), status tinyint, fee_amount decimal(18, 2), paid_online tinyint,
    supplement_requests int, supplement_wait_days float, apology_issued bit, late_reason nvarchar(1000),
    citizen_rating nvarchar(10), received_date_key int, end_date_key int, deadline_date_key int, outcome tinyint,
    overdue_from_key int, is_withdrawn bit, source_as_of datetime2(0), first_snapshot_id int, last_snapshot_id int) j;

-- step: delete_inserted
DELETE FROM fact_dossier WHERE first_snapshot_id = @snapshot_id;

-- step: forget_history
DELETE FROM fact_dossier_history WHERE replaced_by_snapshot_id = @snapshot_id;

-- step: restore_procedures
UPDATE p
SET procedure_name = j.procedure_name, field_key = j.field_key, online_service = j.online_service
FROM dim_procedure p
JOIN dim_procedure_history h ON h.procedure_key = p.procedure_key AND h.replaced_by_snapshot_id = @snapshot_id
CROSS APPLY OPENJSON(h.row_json) WITH (procedure_name nvarchar(1000), field_key int, online_service nvarchar(12)) j
WHERE NOT EXISTS (SELECT 1 FROM dim_procedure_history later
                  WHERE later.procedure_key = h.procedure_key AND later.replaced_by_snapshot_id > @snapshot_id);

-- step: forget_procedure_history
DELETE FROM dim_procedure_history WHERE replaced_by_snapshot_id = @snapshot_id;
