-- Reverting one PAKN snapshot: as revert/dossier.sql, over fact_pakn and fact_pakn_history.
-- Parameters: @snapshot_id, @horizon_key, @now.

-- step: preview
SELECT (SELECT COUNT(*) FROM fact_pakn WHERE first_snapshot_id = @snapshot_id) AS inserted,
       (SELECT COUNT(*) FROM fact_pakn_history WHERE replaced_by_snapshot_id = @snapshot_id) AS replaced;

-- step: later_snapshots
SELECT DISTINCT f.last_snapshot_id FROM fact_pakn f
WHERE f.last_snapshot_id <> @snapshot_id
  AND (f.first_snapshot_id = @snapshot_id
       OR EXISTS (SELECT 1 FROM fact_pakn_history h WHERE h.pakn_key = f.pakn_key AND h.replaced_by_snapshot_id = @snapshot_id))
ORDER BY f.last_snapshot_id;

-- step: mark_rebuild
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(k_from), MAX(k_to), @now FROM (
    SELECT received_date_key AS k_from, COALESCE(handled_date_key, @horizon_key) AS k_to
    FROM fact_pakn WHERE last_snapshot_id = @snapshot_id
    UNION ALL
    SELECT json_extract(row_json, '$.received_date_key'), COALESCE(json_extract(row_json, '$.handled_date_key'), @horizon_key)
    FROM fact_pakn_history WHERE replaced_by_snapshot_id = @snapshot_id) changed
HAVING COUNT(*) > 0;

-- step: restore_changed
UPDATE fact_pakn
SET agency_key = json_extract(h.row_json, '$.agency_key'), channel = json_extract(h.row_json, '$.channel'),
    category = json_extract(h.row_json, '$.category'), received_at = json_extract(h.row_json, '$.received_at'),
    transferred_at = json_extract(h.row_json, '$.transferred_at'), due_at = json_extract(h.row_json, '$.due_at'),
    handled_at = json_extract(h.row_json, '$.handled_at'), state = json_extract(h.row_json, '$.state'),
    published_at = json_extract(h.row_json, '$.published_at'), reaction = json_extract(h.row_json, '$.reaction'),
    received_date_key = json_extract(h.row_json, '$.received_date_key'), handled_date_key = json_extract(h.row_json, '$.handled_date_key'),
    deadline_date_key = json_extract(h.row_json, '$.deadline_date_key'), source_as_of = json_extract(h.row_json, '$.source_as_of'),
    first_snapshot_id = json_extract(h.row_json, '$.first_snapshot_id'), last_snapshot_id = json_extract(h.row_json, '$.last_snapshot_id')
FROM fact_pakn_history h
WHERE h.pakn_key = fact_pakn.pakn_key AND h.replaced_by_snapshot_id = @snapshot_id;

-- step: delete_inserted
DELETE FROM fact_pakn WHERE first_snapshot_id = @snapshot_id;

-- step: forget_history
DELETE FROM fact_pakn_history WHERE replaced_by_snapshot_id = @snapshot_id;
