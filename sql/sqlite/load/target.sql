-- Merge of one targets file into fact_target. A target is identified by unit, indicator, period as declared,
-- document and clause; a later file may correct its value. Parameters as in dossier.sql.

-- step: create_staging
CREATE TEMP TABLE IF NOT EXISTS stg_target (
    line_no INTEGER NOT NULL, agency_code TEXT NOT NULL, indicator_code TEXT NOT NULL, period_spec TEXT NOT NULL,
    start_key INTEGER NOT NULL, end_key INTEGER NOT NULL, comparator TEXT NOT NULL, target_value REAL NOT NULL,
    source_document TEXT NOT NULL, clause TEXT NOT NULL, target_id INTEGER, action TEXT);
DELETE FROM stg_target;

-- step: drop_duplicates
DELETE FROM stg_target
WHERE EXISTS (SELECT 1 FROM stg_target later
              WHERE later.agency_code = stg_target.agency_code AND later.indicator_code = stg_target.indicator_code
                AND later.period_spec = stg_target.period_spec AND later.source_document = stg_target.source_document
                AND later.clause = stg_target.clause AND later.line_no > stg_target.line_no);

-- step: resolve_keys
UPDATE stg_target
SET target_id = (SELECT t.target_id FROM fact_target t
                 WHERE t.agency_code = stg_target.agency_code AND t.indicator_code = stg_target.indicator_code
                   AND t.period_spec = stg_target.period_spec AND t.source_document = stg_target.source_document
                   AND t.clause = stg_target.clause);

-- step: classify
UPDATE stg_target SET action = CASE
    WHEN target_id IS NULL THEN 'I'
    WHEN EXISTS (SELECT 1 FROM fact_target t WHERE t.target_id = stg_target.target_id
                 AND t.comparator = stg_target.comparator AND t.target_value = stg_target.target_value) THEN 'N'
    ELSE 'U' END;

-- step: keep_history
-- The version a change replaces, so the snapshot can be reverted (revert/target.sql).
INSERT INTO fact_target_history (target_id, replaced_by_snapshot_id, row_json)
SELECT t.target_id, @snapshot_id, json_object(
    'target_id', t.target_id, 'agency_code', t.agency_code, 'indicator_code', t.indicator_code, 'period_spec', t.period_spec,
    'start_key', t.start_key, 'end_key', t.end_key, 'comparator', t.comparator, 'target_value', t.target_value,
    'source_document', t.source_document, 'clause', t.clause, 'snapshot_id', t.snapshot_id, 'first_snapshot_id', t.first_snapshot_id)
FROM fact_target t JOIN stg_target s ON s.target_id = t.target_id
WHERE s.action = 'U';

-- step: update_changed
UPDATE fact_target SET comparator = s.comparator, target_value = s.target_value, snapshot_id = @snapshot_id
FROM stg_target s WHERE s.target_id = fact_target.target_id AND s.action = 'U';

-- step: insert_new
INSERT INTO fact_target (agency_code, indicator_code, period_spec, start_key, end_key, comparator, target_value,
    source_document, clause, snapshot_id, first_snapshot_id)
SELECT agency_code, indicator_code, period_spec, start_key, end_key, comparator, target_value, source_document, clause,
    @snapshot_id, @snapshot_id
FROM stg_target WHERE action = 'I'
ORDER BY line_no;

-- step: resolve_quarantine
-- A target that loads now settles what an earlier snapshot quarantined under its unit, indicator and period.
UPDATE etl_quarantine SET resolved_at = @now, resolved_by_snapshot_id = @snapshot_id
WHERE source = @source AND resolved_at IS NULL AND snapshot_id <> @snapshot_id
  AND record_key IN (SELECT agency_code || '|' || indicator_code || '|' || period_spec FROM stg_target);

-- step: count_actions
SELECT action, COUNT(*) AS n FROM stg_target GROUP BY action;

-- step: drop_staging
DROP TABLE IF EXISTS temp.stg_target;
