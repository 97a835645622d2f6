-- Reverting one targets snapshot: targets it inserted go, targets it corrected get their earlier value back
-- (fact_target_history). Statuses judged against those targets are derived: the periods they belong to are
-- queued for rebuild, and the statuses of removed targets go with them. Parameters: @snapshot_id, @horizon_key, @now.

-- step: preview
SELECT (SELECT COUNT(*) FROM fact_target WHERE first_snapshot_id = @snapshot_id) AS inserted,
       (SELECT COUNT(*) FROM fact_target_history WHERE replaced_by_snapshot_id = @snapshot_id) AS replaced;

-- step: later_snapshots
SELECT DISTINCT t.snapshot_id FROM fact_target t
WHERE t.snapshot_id <> @snapshot_id
  AND (t.first_snapshot_id = @snapshot_id
       OR EXISTS (SELECT 1 FROM fact_target_history h WHERE h.target_id = t.target_id AND h.replaced_by_snapshot_id = @snapshot_id))
ORDER BY t.snapshot_id;

-- step: mark_rebuild
-- The periods whose status was judged against a target of this snapshot, up to the horizon (as the loads mark them).
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(p.start_key), MAX(MIN(p.end_key, @horizon_key)), @now
FROM fact_indicator_status s
JOIN fact_target t ON t.target_id = s.target_id
JOIN dim_period p ON p.period_code = s.period_code
WHERE t.snapshot_id = @snapshot_id AND p.start_key <= @horizon_key
HAVING COUNT(*) > 0;

-- step: restore_changed
UPDATE fact_target
SET comparator = json_extract(h.row_json, '$.comparator'), target_value = json_extract(h.row_json, '$.target_value'),
    snapshot_id = json_extract(h.row_json, '$.snapshot_id'), first_snapshot_id = json_extract(h.row_json, '$.first_snapshot_id')
FROM fact_target_history h
WHERE h.target_id = fact_target.target_id AND h.replaced_by_snapshot_id = @snapshot_id;

-- step: release_statuses
DELETE FROM fact_indicator_status
WHERE target_id IN (SELECT target_id FROM fact_target WHERE first_snapshot_id = @snapshot_id);

-- step: delete_inserted
DELETE FROM fact_target WHERE first_snapshot_id = @snapshot_id;

-- step: forget_history
DELETE FROM fact_target_history WHERE replaced_by_snapshot_id = @snapshot_id;
