-- Reverting one digitization snapshot: as revert/dossier.sql, over fact_digitization and fact_digitization_history.
-- Parameters: @snapshot_id, @horizon_key, @now.

-- step: preview
SELECT (SELECT COUNT(*) FROM fact_digitization WHERE first_snapshot_id = @snapshot_id) AS inserted,
       (SELECT COUNT(*) FROM fact_digitization_history WHERE replaced_by_snapshot_id = @snapshot_id) AS replaced;

-- step: later_snapshots
SELECT DISTINCT f.last_snapshot_id FROM fact_digitization f
WHERE f.last_snapshot_id <> @snapshot_id
  AND (f.first_snapshot_id = @snapshot_id
       OR EXISTS (SELECT 1 FROM fact_digitization_history h
                  WHERE h.dossier_code = f.dossier_code AND h.replaced_by_snapshot_id = @snapshot_id))
ORDER BY f.last_snapshot_id;

-- step: mark_rebuild
-- Digitization counts by its dossier's days (as load/digitization.sql marks them).
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(COALESCE(d.received_date_key, @horizon_key)), MAX(COALESCE(d.end_date_key, @horizon_key)), @now
FROM fact_digitization g LEFT JOIN fact_dossier d ON d.dossier_code = g.dossier_code
WHERE g.last_snapshot_id = @snapshot_id
HAVING COUNT(*) > 0;

-- step: restore_changed
UPDATE fact_digitization
SET agency_key = json_extract(h.row_json, '$.agency_key'), documents_submitted = json_extract(h.row_json, '$.documents_submitted'),
    documents_digitized = json_extract(h.row_json, '$.documents_digitized'), documents_reused = json_extract(h.row_json, '$.documents_reused'),
    from_personal_store = json_extract(h.row_json, '$.from_personal_store'), population_db_used = json_extract(h.row_json, '$.population_db_used'),
    result_required = json_extract(h.row_json, '$.result_required'), result_electronic = json_extract(h.row_json, '$.result_electronic'),
    result_file_url = json_extract(h.row_json, '$.result_file_url'), source_as_of = json_extract(h.row_json, '$.source_as_of'),
    first_snapshot_id = json_extract(h.row_json, '$.first_snapshot_id'), last_snapshot_id = json_extract(h.row_json, '$.last_snapshot_id')
FROM fact_digitization_history h
WHERE h.dossier_code = fact_digitization.dossier_code AND h.replaced_by_snapshot_id = @snapshot_id;

-- step: delete_inserted
DELETE FROM fact_digitization WHERE first_snapshot_id = @snapshot_id;

-- step: forget_history
DELETE FROM fact_digitization_history WHERE replaced_by_snapshot_id = @snapshot_id;
