-- Merge of one PAKN snapshot into fact_pakn. Parameters as in dossier.sql.

-- step: create_staging
CREATE TEMP TABLE IF NOT EXISTS stg_pakn (
    line_no INTEGER NOT NULL, feedback_code TEXT NOT NULL, agency_code TEXT NOT NULL, channel TEXT, category TEXT,
    received_at TEXT NOT NULL, transferred_at TEXT, due_at TEXT, handled_at TEXT, state TEXT, published_at TEXT,
    reaction TEXT, received_date_key INTEGER NOT NULL, handled_date_key INTEGER, deadline_date_key INTEGER NOT NULL,
    agency_key INTEGER, pakn_key INTEGER, action TEXT);
DELETE FROM stg_pakn;

-- step: index_staging
CREATE INDEX IF NOT EXISTS temp.ix_stg_pakn_code ON stg_pakn (feedback_code, line_no);

-- step: drop_duplicates
DELETE FROM stg_pakn
WHERE EXISTS (SELECT 1 FROM stg_pakn later WHERE later.feedback_code = stg_pakn.feedback_code AND later.line_no > stg_pakn.line_no);

-- step: add_inferred_agencies
INSERT INTO dim_agency (agency_code, agency_name, agency_level, valid_from, is_inferred)
SELECT agency_code, agency_code, 'unknown', '1900-01-01', 1 FROM stg_pakn s
WHERE NOT EXISTS (SELECT 1 FROM dim_agency a WHERE a.agency_code = s.agency_code)
GROUP BY agency_code;

-- step: resolve_keys
UPDATE stg_pakn
SET agency_key = COALESCE(
        (SELECT a.agency_key FROM dim_agency a
         WHERE a.agency_code = stg_pakn.agency_code
           AND a.valid_from <= substr(stg_pakn.received_at, 1, 10) AND (a.valid_to IS NULL OR a.valid_to > substr(stg_pakn.received_at, 1, 10))),
        (SELECT a.agency_key FROM dim_agency a WHERE a.agency_code = stg_pakn.agency_code ORDER BY a.valid_from DESC LIMIT 1)),
    pakn_key = (SELECT p.pakn_key FROM fact_pakn p WHERE p.feedback_code = stg_pakn.feedback_code);

-- step: classify
UPDATE stg_pakn SET action = 'I' WHERE pakn_key IS NULL;
UPDATE stg_pakn
SET action = CASE
    WHEN f.agency_key IS stg_pakn.agency_key AND f.channel IS stg_pakn.channel AND f.category IS stg_pakn.category
     AND f.received_at IS stg_pakn.received_at AND f.transferred_at IS stg_pakn.transferred_at AND f.due_at IS stg_pakn.due_at
     AND f.handled_at IS stg_pakn.handled_at AND f.state IS stg_pakn.state AND f.published_at IS stg_pakn.published_at
     AND f.reaction IS stg_pakn.reaction AND f.deadline_date_key IS stg_pakn.deadline_date_key THEN 'N'
    WHEN f.source_as_of > @as_of THEN 'S'
    ELSE 'U' END
FROM fact_pakn f
WHERE f.pakn_key = stg_pakn.pakn_key;

-- step: mark_rebuild
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(k_from), MAX(k_to), @now FROM (
    SELECT MIN(s.received_date_key, COALESCE(f.received_date_key, s.received_date_key)) AS k_from,
           MAX(COALESCE(s.handled_date_key, @as_of_key),
               CASE WHEN f.pakn_key IS NULL THEN 0 ELSE COALESCE(f.handled_date_key, @as_of_key) END) AS k_to
    FROM stg_pakn s LEFT JOIN fact_pakn f ON f.pakn_key = s.pakn_key
    WHERE s.action IN ('I', 'U')) changed
HAVING COUNT(*) > 0;

-- step: keep_history
-- The version a change replaces, so the snapshot can be reverted (revert/pakn.sql).
INSERT INTO fact_pakn_history (pakn_key, replaced_by_snapshot_id, row_json)
SELECT f.pakn_key, @snapshot_id, json_object(
    'pakn_key', f.pakn_key, 'feedback_code', f.feedback_code, 'agency_key', f.agency_key, 'channel', f.channel,
    'category', f.category, 'received_at', f.received_at, 'transferred_at', f.transferred_at, 'due_at', f.due_at,
    'handled_at', f.handled_at, 'state', f.state, 'published_at', f.published_at, 'reaction', f.reaction,
    'received_date_key', f.received_date_key, 'handled_date_key', f.handled_date_key, 'deadline_date_key', f.deadline_date_key,
    'source_as_of', f.source_as_of, 'first_snapshot_id', f.first_snapshot_id, 'last_snapshot_id', f.last_snapshot_id)
FROM fact_pakn f JOIN stg_pakn s ON s.pakn_key = f.pakn_key
WHERE s.action = 'U';

-- step: update_changed
UPDATE fact_pakn
SET agency_key = s.agency_key, channel = s.channel, category = s.category, received_at = s.received_at,
    transferred_at = s.transferred_at, due_at = s.due_at, handled_at = s.handled_at, state = s.state,
    published_at = s.published_at, reaction = s.reaction, received_date_key = s.received_date_key,
    handled_date_key = s.handled_date_key, deadline_date_key = s.deadline_date_key,
    source_as_of = @as_of, last_snapshot_id = @snapshot_id
FROM stg_pakn s
WHERE s.pakn_key = fact_pakn.pakn_key AND s.action = 'U';

-- step: insert_new
INSERT INTO fact_pakn (feedback_code, agency_key, channel, category, received_at, transferred_at, due_at, handled_at,
    state, published_at, reaction, received_date_key, handled_date_key, deadline_date_key, source_as_of,
    first_snapshot_id, last_snapshot_id)
SELECT feedback_code, agency_key, channel, category, received_at, transferred_at, due_at, handled_at,
    state, published_at, reaction, received_date_key, handled_date_key, deadline_date_key, @as_of, @snapshot_id, @snapshot_id
FROM stg_pakn WHERE action = 'I'
ORDER BY line_no;

-- step: resolve_quarantine
-- A feedback that loads now settles what an earlier snapshot quarantined under its code (the reason stays).
UPDATE etl_quarantine SET resolved_at = @now, resolved_by_snapshot_id = @snapshot_id
WHERE source = @source AND resolved_at IS NULL AND snapshot_id <> @snapshot_id
  AND record_key IN (SELECT feedback_code FROM stg_pakn);

-- step: count_actions
SELECT action, COUNT(*) AS n FROM stg_pakn GROUP BY action;

-- step: drop_staging
DROP TABLE IF EXISTS temp.stg_pakn;
