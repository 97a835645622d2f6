-- Merge of one PAKN snapshot into fact_pakn. Parameters, and how T-SQL differs from sql/sqlite/load/pakn.sql,
-- as in dossier.sql.

-- step: create_staging
DROP TABLE IF EXISTS #stg_pakn;
CREATE TABLE #stg_pakn (
    line_no int NOT NULL, feedback_code nvarchar(100) COLLATE DATABASE_DEFAULT NOT NULL,
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, channel nvarchar(50) COLLATE DATABASE_DEFAULT NULL,
    category nvarchar(200) COLLATE DATABASE_DEFAULT NULL, received_at datetime2(0) NOT NULL, transferred_at datetime2(0) NULL,
    due_at datetime2(0) NULL, handled_at datetime2(0) NULL, state nvarchar(20) COLLATE DATABASE_DEFAULT NULL,
    published_at datetime2(0) NULL, reaction nvarchar(10) COLLATE DATABASE_DEFAULT NULL,
    received_date_key int NOT NULL, handled_date_key int NULL, deadline_date_key int NOT NULL,
    agency_key int NULL, pakn_key bigint NULL, action char(1) NULL);

-- step: index_staging
CREATE CLUSTERED INDEX ix_stg_pakn_code ON #stg_pakn (feedback_code, line_no);

-- step: drop_duplicates
DELETE s FROM #stg_pakn s
WHERE EXISTS (SELECT 1 FROM #stg_pakn later WHERE later.feedback_code = s.feedback_code AND later.line_no > s.line_no);

-- step: add_inferred_agencies
INSERT INTO dim_agency (agency_code, agency_name, agency_level, valid_from, is_inferred)
SELECT s.agency_code, s.agency_code, N'unknown', '1900-01-01', 1 FROM #stg_pakn s
WHERE NOT EXISTS (SELECT 1 FROM dim_agency a WITH (UPDLOCK, HOLDLOCK) WHERE a.agency_code = s.agency_code)
GROUP BY s.agency_code;

-- step: resolve_keys
UPDATE s
SET agency_key = COALESCE(valid_then.agency_key, latest.agency_key),
    pakn_key = k.pakn_key
FROM #stg_pakn s
OUTER APPLY (SELECT TOP (1) a.agency_key FROM dim_agency a
             WHERE a.agency_code = s.agency_code
               AND a.valid_from <= CAST(s.received_at AS date) AND (a.valid_to IS NULL OR a.valid_to > CAST(s.received_at AS date))
             ORDER BY a.valid_from DESC) valid_then
OUTER APPLY (SELECT TOP (1) a.agency_key FROM dim_agency a WHERE a.agency_code = s.agency_code ORDER BY a.valid_from DESC) latest
LEFT JOIN fact_pakn k WITH (UPDLOCK, HOLDLOCK) ON k.feedback_code = s.feedback_code;

-- step: classify
UPDATE #stg_pakn SET action = 'I' WHERE pakn_key IS NULL;
UPDATE s
SET action = CASE
    WHEN EXISTS (
        SELECT s.agency_key, s.channel COLLATE Latin1_General_100_BIN2, s.category COLLATE Latin1_General_100_BIN2,
               s.received_at, s.transferred_at, s.due_at, s.handled_at, s.state COLLATE Latin1_General_100_BIN2,
               s.published_at, s.reaction COLLATE Latin1_General_100_BIN2, s.deadline_date_key
        INTERSECT
        SELECT f.agency_key, f.channel COLLATE Latin1_General_100_BIN2, f.category COLLATE Latin1_General_100_BIN2,
               f.received_at, f.transferred_at, f.due_at, f.handled_at, f.state COLLATE Latin1_General_100_BIN2,
               f.published_at, f.reaction COLLATE Latin1_General_100_BIN2, f.deadline_date_key) THEN 'N'
    WHEN f.source_as_of > CAST(@as_of AS datetime2(0)) THEN 'S'
    ELSE 'U' END
FROM #stg_pakn s JOIN fact_pakn f ON f.pakn_key = s.pakn_key;

-- step: mark_rebuild
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(k_from), MAX(k_to), CAST(@now AS datetime2(0)) FROM (
    SELECT (SELECT MIN(k) FROM (VALUES (s.received_date_key), (COALESCE(f.received_date_key, s.received_date_key))) x (k)) AS k_from,
           (SELECT MAX(k) FROM (VALUES (COALESCE(s.handled_date_key, @as_of_key)),
                                       (CASE WHEN f.pakn_key IS NULL THEN 0 ELSE COALESCE(f.handled_date_key, @as_of_key) END)) x (k)) AS k_to
    FROM #stg_pakn s LEFT JOIN fact_pakn f ON f.pakn_key = s.pakn_key
    WHERE s.action IN ('I', 'U')) changed
HAVING COUNT(*) > 0;

-- step: keep_history
-- The version a change replaces, so the snapshot can be reverted (revert/pakn.sql).
INSERT INTO fact_pakn_history (pakn_key, replaced_by_snapshot_id, row_json)
SELECT f.pakn_key, @snapshot_id, (
    SELECT f.pakn_key, f.feedback_code, f.agency_key, f.channel, f.category, f.received_at, f.transferred_at, f.due_at,
           f.handled_at, f.state, f.published_at, f.reaction, f.received_date_key, f.handled_date_key, f.deadline_date_key,
           f.source_as_of, f.first_snapshot_id, f.last_snapshot_id
    FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)
FROM fact_pakn f JOIN #stg_pakn s ON s.pakn_key = f.pakn_key
WHERE s.action = 'U';

-- step: update_changed
UPDATE f
SET agency_key = s.agency_key, channel = s.channel, category = s.category, received_at = s.received_at,
    transferred_at = s.transferred_at, due_at = s.due_at, handled_at = s.handled_at, state = s.state,
    published_at = s.published_at, reaction = s.reaction, received_date_key = s.received_date_key,
    handled_date_key = s.handled_date_key, deadline_date_key = s.deadline_date_key,
    source_as_of = CAST(@as_of AS datetime2(0)), last_snapshot_id = @snapshot_id
FROM fact_pakn f JOIN #stg_pakn s ON s.pakn_key = f.pakn_key
WHERE s.action = 'U';

-- step: insert_new
INSERT INTO fact_pakn (feedback_code, agency_key, channel, category, received_at, transferred_at, due_at, handled_at,
    state, published_at, reaction, received_date_key, handled_date_key, deadline_date_key, source_as_of,
    first_snapshot_id, last_snapshot_id)
SELECT feedback_code, agency_key, channel, category, received_at, transferred_at, due_at, handled_at,
    state, published_at, reaction, received_date_key, handled_date_key, deadline_date_key,
    CAST(@as_of AS datetime2(0)), @snapshot_id, @snapshot_id
FROM #stg_pakn WHERE action = 'I'
ORDER BY line_no;

-- step: resolve_quarantine
-- A feedback that loads now settles what an earlier snapshot quarantined under its code (the reason stays).
UPDATE q SET resolved_at = CAST(@now AS datetime2(0)), resolved_by_snapshot_id = @snapshot_id
FROM etl_quarantine q
WHERE q.source = @source AND q.resolved_at IS NULL AND q.snapshot_id <> @snapshot_id
  AND q.record_key IN (SELECT s.feedback_code FROM #stg_pakn s);

-- step: count_actions
SELECT action, COUNT(*) AS n FROM #stg_pakn GROUP BY action;

-- step: drop_staging
DROP TABLE IF EXISTS #stg_pakn;
