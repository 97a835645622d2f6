-- Reverting one figures snapshot: as sql/sqlite/revert/figure.sql, over fact_figure and fact_figure_history.
-- Parameters: @snapshot_id, @horizon_key, @now.

-- step: preview
SELECT (SELECT COUNT(*) FROM fact_figure WHERE first_snapshot_id = @snapshot_id) AS inserted,
       (SELECT COUNT(*) FROM fact_figure_history WHERE replaced_by_snapshot_id = @snapshot_id) AS replaced;

-- step: later_snapshots
SELECT DISTINCT f.last_snapshot_id FROM fact_figure f WITH (UPDLOCK, HOLDLOCK)
WHERE f.last_snapshot_id <> @snapshot_id
  AND (f.first_snapshot_id = @snapshot_id
       OR EXISTS (SELECT 1 FROM fact_figure_history h WHERE h.figure_id = f.figure_id AND h.replaced_by_snapshot_id = @snapshot_id))
ORDER BY f.last_snapshot_id;

-- step: mark_rebuild
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(p.start_key), MAX(CASE WHEN p.end_key < @horizon_key THEN p.end_key ELSE @horizon_key END), CAST(@now AS datetime2(0))
FROM fact_figure f JOIN dim_period p ON p.period_code = f.period_code
WHERE f.last_snapshot_id = @snapshot_id
HAVING COUNT(*) > 0;

-- step: restore_changed
UPDATE f
SET numerator = j.numerator, denominator = j.denominator, value = j.value, source_document = j.source_document,
    clause = j.clause, first_snapshot_id = j.first_snapshot_id, last_snapshot_id = j.last_snapshot_id
FROM fact_figure f
JOIN fact_figure_history h ON h.figure_id = f.figure_id AND h.replaced_by_snapshot_id = @snapshot_id
CROSS APPLY OPENJSON(h.row_json) WITH (
    numerator float, denominator float, value float, source_document nvarchar(300), clause nvarchar(200),
    first_snapshot_id int, last_snapshot_id int) j;

-- step: delete_inserted
DELETE FROM fact_figure WHERE first_snapshot_id = @snapshot_id;

-- step: forget_history
DELETE FROM fact_figure_history WHERE replaced_by_snapshot_id = @snapshot_id;
