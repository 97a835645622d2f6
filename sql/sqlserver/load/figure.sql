-- Merge of one figures file into fact_figure. A figure is identified by unit, period and indicator (the key of
-- fact_indicator_value, where the build puts it); a later file may correct it, and the document and clause
-- follow the latest correction. Parameters, and how T-SQL differs from sql/sqlite/load/figure.sql, as in dossier.sql.

-- step: create_staging
DROP TABLE IF EXISTS #stg_figure;
CREATE TABLE #stg_figure (
    line_no int NOT NULL, agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL,
    indicator_code nvarchar(100) COLLATE DATABASE_DEFAULT NOT NULL, period_code nvarchar(12) COLLATE DATABASE_DEFAULT NOT NULL,
    numerator float NULL, denominator float NULL, value float NULL,
    source_document nvarchar(300) COLLATE DATABASE_DEFAULT NOT NULL, clause nvarchar(200) COLLATE DATABASE_DEFAULT NOT NULL,
    figure_id int NULL, action char(1) NULL);

-- step: drop_duplicates
DELETE s FROM #stg_figure s
WHERE EXISTS (SELECT 1 FROM #stg_figure later
              WHERE later.agency_code = s.agency_code AND later.period_code = s.period_code
                AND later.indicator_code = s.indicator_code AND later.line_no > s.line_no);

-- step: resolve_keys
-- Locks the natural keys it reads (see dossier.sql): a concurrent load of the same figures waits.
UPDATE s
SET figure_id = f.figure_id
FROM #stg_figure s
LEFT JOIN fact_figure f WITH (UPDLOCK, HOLDLOCK)
  ON f.agency_code = s.agency_code AND f.period_code = s.period_code AND f.indicator_code = s.indicator_code;

-- step: classify
UPDATE s SET action = CASE
    WHEN s.figure_id IS NULL THEN 'I'
    WHEN EXISTS (
        SELECT s.numerator, s.denominator, s.value,
               s.source_document COLLATE Latin1_General_100_BIN2, s.clause COLLATE Latin1_General_100_BIN2
        INTERSECT
        SELECT f.numerator, f.denominator, f.value,
               f.source_document COLLATE Latin1_General_100_BIN2, f.clause COLLATE Latin1_General_100_BIN2
        FROM fact_figure f WHERE f.figure_id = s.figure_id) THEN 'N'
    ELSE 'U' END
FROM #stg_figure s;

-- step: mark_rebuild
-- The periods of the figures, up to the as-of day: the build rewrites their indicator values.
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(p.start_key), MAX(CASE WHEN p.end_key < @as_of_key THEN p.end_key ELSE @as_of_key END), CAST(@now AS datetime2(0))
FROM #stg_figure s JOIN dim_period p ON p.period_code = s.period_code
WHERE s.action IN ('I', 'U')
HAVING COUNT(*) > 0;

-- step: keep_history
-- The version a change replaces, so the snapshot can be reverted (revert/figure.sql).
INSERT INTO fact_figure_history (figure_id, replaced_by_snapshot_id, row_json)
SELECT f.figure_id, @snapshot_id, (
    SELECT f.figure_id, f.agency_code, f.period_code, f.indicator_code, f.numerator, f.denominator, f.value,
           f.source_document, f.clause, f.first_snapshot_id, f.last_snapshot_id
    FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)
FROM fact_figure f JOIN #stg_figure s ON s.figure_id = f.figure_id
WHERE s.action = 'U';

-- step: update_changed
UPDATE f
SET numerator = s.numerator, denominator = s.denominator, value = s.value, source_document = s.source_document,
    clause = s.clause, last_snapshot_id = @snapshot_id
FROM fact_figure f JOIN #stg_figure s ON s.figure_id = f.figure_id
WHERE s.action = 'U';

-- step: insert_new
INSERT INTO fact_figure (agency_code, period_code, indicator_code, numerator, denominator, value, source_document, clause,
    first_snapshot_id, last_snapshot_id)
SELECT agency_code, period_code, indicator_code, numerator, denominator, value, source_document, clause, @snapshot_id, @snapshot_id
FROM #stg_figure WHERE action = 'I'
ORDER BY line_no;

-- step: resolve_quarantine
-- A figure that loads now settles what an earlier snapshot quarantined under its unit, indicator and period.
UPDATE q SET resolved_at = CAST(@now AS datetime2(0)), resolved_by_snapshot_id = @snapshot_id
FROM etl_quarantine q
WHERE q.source = @source AND q.resolved_at IS NULL AND q.snapshot_id <> @snapshot_id
  AND q.record_key IN (SELECT CONCAT(s.agency_code, N'|', s.indicator_code, N'|', s.period_code) FROM #stg_figure s);

-- step: count_actions
SELECT action, COUNT(*) AS n FROM #stg_figure GROUP BY action;

-- step: drop_staging
DROP TABLE IF EXISTS #stg_figure;
