-- Reverting one one-stop snapshot, step by step inside one transaction (Snapshots/SnapshotReverter runs it).
-- Every dossier the snapshot changed goes back to the version it replaced (fact_dossier_history), every dossier
-- it inserted goes, and the days both versions count in are queued for rebuild. The reverter first asks
-- later_snapshots and refuses while a later snapshot still holds any of these dossiers: its version would be lost.
-- Parameters: @snapshot_id, @horizon_key (yyyymmdd: the latest as-of in force, how far pending dossiers count), @now.
-- Dimension members the snapshot created (inferred units, new fields and procedures) stay: reference data,
-- possibly used by later snapshots, harmless when nothing points at them.

-- step: preview
-- How many dossiers the revert would remove (inserted by the snapshot) and put back (changed by it).
SELECT (SELECT COUNT(*) FROM fact_dossier WHERE first_snapshot_id = @snapshot_id) AS inserted,
       (SELECT COUNT(*) FROM fact_dossier_history WHERE replaced_by_snapshot_id = @snapshot_id) AS replaced;

-- step: later_snapshots
-- Snapshots that changed a dossier of this one afterwards.
SELECT DISTINCT f.last_snapshot_id FROM fact_dossier f
WHERE f.last_snapshot_id <> @snapshot_id
  AND (f.first_snapshot_id = @snapshot_id
       OR EXISTS (SELECT 1 FROM fact_dossier_history h WHERE h.dossier_key = f.dossier_key AND h.replaced_by_snapshot_id = @snapshot_id))
ORDER BY f.last_snapshot_id;

-- step: mark_rebuild
-- The days the snapshot's versions and the versions coming back count in (a pending dossier up to the horizon).
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(k_from), MAX(k_to), @now FROM (
    SELECT received_date_key AS k_from, COALESCE(end_date_key, @horizon_key) AS k_to
    FROM fact_dossier WHERE last_snapshot_id = @snapshot_id
    UNION ALL
    SELECT json_extract(row_json, '$.received_date_key'), COALESCE(json_extract(row_json, '$.end_date_key'), @horizon_key)
    FROM fact_dossier_history WHERE replaced_by_snapshot_id = @snapshot_id) changed
HAVING COUNT(*) > 0;

-- step: restore_changed
UPDATE fact_dossier
SET agency_key = json_extract(h.row_json, '$.agency_key'), procedure_key = json_extract(h.row_json, '$.procedure_key'),
    channel_key = json_extract(h.row_json, '$.channel_key'), applicant_type = json_extract(h.row_json, '$.applicant_type'),
    received_at = json_extract(h.row_json, '$.received_at'), due_at = json_extract(h.row_json, '$.due_at'),
    finished_at = json_extract(h.row_json, '$.finished_at'), returned_at = json_extract(h.row_json, '$.returned_at'),
    status = json_extract(h.row_json, '$.status'), fee_amount = json_extract(h.row_json, '$.fee_amount'),
    paid_online = json_extract(h.row_json, '$.paid_online'), supplement_requests = json_extract(h.row_json, '$.supplement_requests'),
    supplement_wait_days = json_extract(h.row_json, '$.supplement_wait_days'), apology_issued = json_extract(h.row_json, '$.apology_issued'),
    late_reason = json_extract(h.row_json, '$.late_reason'), citizen_rating = json_extract(h.row_json, '$.citizen_rating'),
    received_date_key = json_extract(h.row_json, '$.received_date_key'), end_date_key = json_extract(h.row_json, '$.end_date_key'),
    deadline_date_key = json_extract(h.row_json, '$.deadline_date_key'), outcome = json_extract(h.row_json, '$.outcome'),
    overdue_from_key = json_extract(h.row_json, '$.overdue_from_key'), is_withdrawn = json_extract(h.row_json, '$.is_withdrawn'),
    source_as_of = json_extract(h.row_json, '$.source_as_of'), first_snapshot_id = json_extract(h.row_json, '$.first_snapshot_id'),
    last_snapshot_id = json_extract(h.row_json, '$.last_snapshot_id')
FROM fact_dossier_history h
WHERE h.dossier_key = fact_dossier.dossier_key AND h.replaced_by_snapshot_id = @snapshot_id;

-- step: delete_inserted
DELETE FROM fact_dossier WHERE first_snapshot_id = @snapshot_id;

-- step: forget_history
DELETE FROM fact_dossier_history WHERE replaced_by_snapshot_id = @snapshot_id;

-- step: restore_procedures
-- Procedure attributes the snapshot overwrote come back, unless a later snapshot has overwritten them since
-- (type 1: the latest snapshot's attributes stand).
UPDATE dim_procedure
SET procedure_name = json_extract(h.row_json, '$.procedure_name'), field_key = json_extract(h.row_json, '$.field_key'),
    online_service = json_extract(h.row_json, '$.online_service')
FROM dim_procedure_history h
WHERE h.procedure_key = dim_procedure.procedure_key AND h.replaced_by_snapshot_id = @snapshot_id
  AND NOT EXISTS (SELECT 1 FROM dim_procedure_history later
                  WHERE later.procedure_key = h.procedure_key AND later.replaced_by_snapshot_id > @snapshot_id);

-- step: forget_procedure_history
DELETE FROM dim_procedure_history WHERE replaced_by_snapshot_id = @snapshot_id;
