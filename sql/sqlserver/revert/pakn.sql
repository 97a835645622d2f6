-- Reverting one PAKN snapshot: as revert/dossier.sql (and sql/sqlite/revert/pakn.sql), over fact_pakn and
-- fact_pakn_history. Parameters: @snapshot_id, @horizon_key, @now.

-- step: preview
SELECT (SELECT COUNT(*) FROM fact_pakn WHERE first_snapshot_id = @snapshot_id) AS inserted,
       (SELECT COUNT(*) FROM fact_pakn_history WHERE replaced_by_snapshot_id = @snapshot_id) AS replaced;

-- step: later_snapshots
SELECT DISTINCT f.last_snapshot_id FROM fact_pakn f WITH (UPDLOCK, HOLDLOCK)
WHERE f.last_snapshot_id <> @snapshot_id
  AND (f.first_snapshot_id = @snapshot_id
       OR EXISTS (SELECT 1 FROM fact_pakn_history h WHERE h.pakn_key = f.pakn_key AND h.replaced_by_snapshot_id = @snapshot_id))
ORDER BY f.last_snapshot_id;

-- step: mark_rebuild
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(k_from), MAX(k_to), CAST(@now AS datetime2(0)) FROM (
    SELECT received_date_key AS k_from, COALESCE(handled_date_key, @horizon_key) AS k_to
    FROM fact_pakn WHERE last_snapshot_id = @snapshot_id
    UNION ALL
    SELECT j.received_date_key, COALESCE(j.handled_date_key, @horizon_key)
    FROM fact_pakn_history h
    CROSS APPLY OPENJSON(h.row_json) WITH (received_date_key int, handled_date_key int) j
    WHERE h.replaced_by_snapshot_id = @snapshot_id) changed
HAVING COUNT(*) > 0;

-- step: restore_changed
UPDATE f
SET agency_key = j.agency_key, channel = j.channel, category = j.category, received_at = j.received_at,
    transferred_at = j.transferred_at, due_at = j.due_at, handled_at = j.handled_at, state = j.state,
    published_at = j.published_at, reaction = j.reaction, received_date_key = j.received_date_key,
    handled_date_key = j.handled_date_key, deadline_date_key = j.deadline_date_key, source_as_of = j.source_as_of,
    first_snapshot_id = j.first_snapshot_id, last_snapshot_id = j.last_snapshot_id
FROM fact_pakn f
JOIN fact_pakn_history h ON h.pakn_key = f.pakn_key AND h.replaced_by_snapshot_id = @snapshot_id
CROSS APPLY OPENJSON(h.row_json) WITH (
    agency_key int, channel nvarchar(50), category nvarchar(200), received_at datetime2(0), transferred_at datetime2(0),
    due_at datetime2(0), handled_at datetime2(0), state nvarchar(20), published_at datetime2(0), reaction nvarchar(10),
    received_date_key int, handled_date_key int, deadline_date_key int, source_as_of datetime2(0),
    first_snapshot_id int, last_snapshot_id int) j;

-- step: delete_inserted
DELETE FROM fact_pakn WHERE first_snapshot_id = @snapshot_id;

-- step: forget_history
DELETE FROM fact_pakn_history WHERE replaced_by_snapshot_id = @snapshot_id;
