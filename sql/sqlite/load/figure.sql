-- Merge of one figures file into fact_figure. A figure is identified by unit, period and indicator (the key of
-- fact_indicator_value, where the build puts it); a later file may correct it, and the document and clause
-- follow the latest correction. Parameters as in dossier.sql.

-- step: create_staging
CREATE TEMP TABLE IF NOT EXISTS stg_figure (
    line_no INTEGER NOT NULL, agency_code TEXT NOT NULL, indicator_code TEXT NOT NULL, period_code TEXT NOT NULL,
    numerator REAL, denominator REAL, value REAL, source_document TEXT NOT NULL, clause TEXT NOT NULL,
    figure_id INTEGER, action TEXT);
DELETE FROM stg_figure;

-- step: drop_duplicates
DELETE FROM stg_figure
WHERE EXISTS (SELECT 1 FROM stg_figure later
              WHERE later.agency_code = stg_figure.agency_code AND later.period_code = stg_figure.period_code
                AND later.indicator_code = stg_figure.indicator_code AND later.line_no > stg_figure.line_no);

-- step: resolve_keys
UPDATE stg_figure
SET figure_id = (SELECT f.figure_id FROM fact_figure f
                 WHERE f.agency_code = stg_figure.agency_code AND f.period_code = stg_figure.period_code
                   AND f.indicator_code = stg_figure.indicator_code);

-- step: classify
UPDATE stg_figure SET action = CASE
    WHEN figure_id IS NULL THEN 'I'
    WHEN EXISTS (SELECT 1 FROM fact_figure f WHERE f.figure_id = stg_figure.figure_id
                 AND f.numerator IS stg_figure.numerator AND f.denominator IS stg_figure.denominator AND f.value IS stg_figure.value
                 AND f.source_document IS stg_figure.source_document AND f.clause IS stg_figure.clause) THEN 'N'
    ELSE 'U' END;

-- step: mark_rebuild
-- The periods of the figures, up to the as-of day: the build rewrites their indicator values.
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(p.start_key), MAX(MIN(p.end_key, @as_of_key)), @now
FROM stg_figure s JOIN dim_period p ON p.period_code = s.period_code
WHERE s.action IN ('I', 'U')
HAVING COUNT(*) > 0;

-- step: keep_history
-- The version a change replaces, so the snapshot can be reverted (revert/figure.sql).
INSERT INTO fact_figure_history (figure_id, replaced_by_snapshot_id, row_json)
SELECT f.figure_id, @snapshot_id, json_object(
    'figure_id', f.figure_id, 'agency_code', f.agency_code, 'period_code', f.period_code, 'indicator_code', f.indicator_code,
    'numerator', f.numerator, 'denominator', f.denominator, 'value', f.value, 'source_document', f.source_document,
    'clause', f.clause, 'first_snapshot_id', f.first_snapshot_id, 'last_snapshot_id', f.last_snapshot_id)
FROM fact_figure f JOIN stg_figure s ON s.figure_id = f.figure_id
WHERE s.action = 'U';

-- step: update_changed
UPDATE fact_figure
SET numerator = s.numerator, denominator = s.denominator, value = s.value, source_document = s.source_document,
    clause = s.clause, last_snapshot_id = @snapshot_id
FROM stg_figure s WHERE s.figure_id = fact_figure.figure_id AND s.action = 'U';

-- step: insert_new
INSERT INTO fact_figure (agency_code, period_code, indicator_code, numerator, denominator, value, source_document, clause,
    first_snapshot_id, last_snapshot_id)
SELECT agency_code, period_code, indicator_code, numerator, denominator, value, source_document, clause, @snapshot_id, @snapshot_id
FROM stg_figure WHERE action = 'I'
ORDER BY line_no;

-- step: resolve_quarantine
-- A figure that loads now settles what an earlier snapshot quarantined under its unit, indicator and period.
UPDATE etl_quarantine SET resolved_at = @now, resolved_by_snapshot_id = @snapshot_id
WHERE source = @source AND resolved_at IS NULL AND snapshot_id <> @snapshot_id
  AND record_key IN (SELECT agency_code || '|' || indicator_code || '|' || period_code FROM stg_figure);

-- step: count_actions
SELECT action, COUNT(*) AS n FROM stg_figure GROUP BY action;

-- step: drop_staging
DROP TABLE IF EXISTS temp.stg_figure;
