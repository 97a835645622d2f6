-- Reverting one digitization snapshot: as revert/dossier.sql (and sql/sqlite/revert/digitization.sql), over
-- fact_digitization and fact_digitization_history. Parameters: @snapshot_id, @horizon_key, @now.

-- step: preview
SELECT (SELECT COUNT(*) FROM fact_digitization WHERE first_snapshot_id = @snapshot_id) AS inserted,
       (SELECT COUNT(*) FROM fact_digitization_history WHERE replaced_by_snapshot_id = @snapshot_id) AS replaced;

-- step: later_snapshots
SELECT DISTINCT f.last_snapshot_id FROM fact_digitization f WITH (UPDLOCK, HOLDLOCK)
WHERE f.last_snapshot_id <> @snapshot_id
  AND (f.first_snapshot_id = @snapshot_id
       OR EXISTS (SELECT 1 FROM fact_digitization_history h
                  WHERE h.dossier_code = f.dossier_code AND h.replaced_by_snapshot_id = @snapshot_id))
ORDER BY f.last_snapshot_id;

-- step: mark_rebuild
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(COALESCE(d.received_date_key, @horizon_key)), MAX(COALESCE(d.end_date_key, @horizon_key)), CAST(@now AS datetime2(0))
FROM fact_digitization g LEFT JOIN fact_dossier d ON d.dossier_code = g.dossier_code
WHERE g.last_snapshot_id = @snapshot_id
HAVING COUNT(*) > 0;

-- step: restore_changed
UPDATE f
SET agency_key = j.agency_key, documents_submitted = j.documents_submitted, documents_digitized = j.documents_digitized,
    documents_reused = j.documents_reused, from_personal_store = j.from_personal_store, population_db_used = j.population_db_used,
    result_required = j.result_required, result_electronic = j.result_electronic, result_file_url = j.result_file_url,
    source_as_of = j.source_as_of, first_snapshot_id = j.first_snapshot_id, last_snapshot_id = j.last_snapshot_id
FROM fact_digitization f
JOIN fact_digitization_history h ON h.dossier_code = f.dossier_code AND h.replaced_by_snapshot_id = @snapshot_id
CROSS APPLY OPENJSON(h.row_json) WITH (
    agency_key int, documents_submitted int, documents_digitized int, documents_reused int, from_personal_store bit,
    population_db_used bit, result_required bit, result_electronic bit, result_file_url nvarchar(2000),
    source_as_of datetime2(0), first_snapshot_id int, last_snapshot_id int) j;

-- step: delete_inserted
DELETE FROM fact_digitization WHERE first_snapshot_id = @snapshot_id;

-- step: forget_history
DELETE FROM fact_digitization_history WHERE replaced_by_snapshot_id = @snapshot_id;
