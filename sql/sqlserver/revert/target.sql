-- Reverting one targets snapshot: as sql/sqlite/revert/target.sql (read it for the why), over fact_target and
-- fact_target_history. Parameters: @snapshot_id, @horizon_key, @now.

-- step: preview
SELECT (SELECT COUNT(*) FROM fact_target WHERE first_snapshot_id = @snapshot_id) AS inserted,
       (SELECT COUNT(*) FROM fact_target_history WHERE replaced_by_snapshot_id = @snapshot_id) AS replaced;

-- step: later_snapshots
SELECT DISTINCT t.snapshot_id FROM fact_target t WITH (UPDLOCK, HOLDLOCK)
WHERE t.snapshot_id <> @snapshot_id
  AND (t.first_snapshot_id = @snapshot_id
       OR EXISTS (SELECT 1 FROM fact_target_history h WHERE h.target_id = t.target_id AND h.replaced_by_snapshot_id = @snapshot_id))
ORDER BY t.snapshot_id;

-- step: mark_rebuild
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(p.start_key), MAX(CASE WHEN p.end_key < @horizon_key THEN p.end_key ELSE @horizon_key END), CAST(@now AS datetime2(0))
FROM fact_indicator_status s
JOIN fact_target t ON t.target_id = s.target_id
JOIN dim_period p ON p.period_code = s.period_code
WHERE t.snapshot_id = @snapshot_id AND p.start_key <= @horizon_key
HAVING COUNT(*) > 0;

-- step: restore_changed
UPDATE t
SET comparator = j.comparator, target_value = j.target_value, snapshot_id = j.snapshot_id, first_snapshot_id = j.first_snapshot_id
FROM fact_target t
JOIN fact_target_history h ON h.target_id = t.target_id AND h.replaced_by_snapshot_id = @snapshot_id
CROSS APPLY OPENJSON(h.row_json) WITH (comparator nvarchar(2), target_value float, snapshot_id int, first_snapshot_id int) j;

-- step: release_statuses
DELETE FROM fact_indicator_status
WHERE target_id IN (SELECT target_id FROM fact_target WHERE first_snapshot_id = @snapshot_id);

-- step: delete_inserted
DELETE FROM fact_target WHERE first_snapshot_id = @snapshot_id;

-- step: forget_history
DELETE FROM fact_target_history WHERE replaced_by_snapshot_id = @snapshot_id;
