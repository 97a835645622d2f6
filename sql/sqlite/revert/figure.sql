-- Reverting one figures snapshot: figures it inserted go, figures it corrected get their earlier value and
-- provenance back (fact_figure_history); the build then rewrites their periods. Parameters: @snapshot_id,
-- @horizon_key, @now.

-- step: preview
SELECT (SELECT COUNT(*) FROM fact_figure WHERE first_snapshot_id = @snapshot_id) AS inserted,
       (SELECT COUNT(*) FROM fact_figure_history WHERE replaced_by_snapshot_id = @snapshot_id) AS replaced;

-- step: later_snapshots
SELECT DISTINCT f.last_snapshot_id FROM fact_figure f
WHERE f.last_snapshot_id <> @snapshot_id
  AND (f.first_snapshot_id = @snapshot_id
       OR EXISTS (SELECT 1 FROM fact_figure_history h WHERE h.figure_id = f.figure_id AND h.replaced_by_snapshot_id = @snapshot_id))
ORDER BY f.last_snapshot_id;

-- step: mark_rebuild
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(p.start_key), MAX(MIN(p.end_key, @horizon_key)), @now
FROM fact_figure f JOIN dim_period p ON p.period_code = f.period_code
WHERE f.last_snapshot_id = @snapshot_id
HAVING COUNT(*) > 0;

-- step: restore_changed
UPDATE fact_figure
SET numerator = json_extract(h.row_json, '$.numerator'), denominator = json_extract(h.row_json, '$.denominator'),
    value = json_extract(h.row_json, '$.value'), source_document = json_extract(h.row_json, '$.source_document'),
    clause = json_extract(h.row_json, '$.clause'), first_snapshot_id = json_extract(h.row_json, '$.first_snapshot_id'),
    last_snapshot_id = json_extract(h.row_json, '$.last_snapshot_id')
FROM fact_figure_history h
WHERE h.figure_id = fact_figure.figure_id AND h.replaced_by_snapshot_id = @snapshot_id;

-- step: delete_inserted
DELETE FROM fact_figure WHERE first_snapshot_id = @snapshot_id;

-- step: forget_history
DELETE FROM fact_figure_history WHERE replaced_by_snapshot_id = @snapshot_id;
