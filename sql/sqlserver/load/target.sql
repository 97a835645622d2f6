-- Merge of one targets file into fact_target. A target is identified by unit, indicator, period as declared,
-- document and clause; a later file may correct its value. Parameters, and how T-SQL differs from
-- sql/sqlite/load/target.sql, as in dossier.sql.

-- step: create_staging
DROP TABLE IF EXISTS #stg_target;
CREATE TABLE #stg_target (
    line_no int NOT NULL, agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL,
    indicator_code nvarchar(100) COLLATE DATABASE_DEFAULT NOT NULL, period_spec nvarchar(20) COLLATE DATABASE_DEFAULT NOT NULL,
    start_key int NOT NULL, end_key int NOT NULL, comparator nvarchar(2) COLLATE DATABASE_DEFAULT NOT NULL,
    target_value float NOT NULL, source_document nvarchar(300) COLLATE DATABASE_DEFAULT NOT NULL,
    clause nvarchar(200) COLLATE DATABASE_DEFAULT NOT NULL, target_id int NULL, action char(1) NULL);

-- step: drop_duplicates
DELETE s FROM #stg_target s
WHERE EXISTS (SELECT 1 FROM #stg_target later
              WHERE later.agency_code = s.agency_code AND later.indicator_code = s.indicator_code
                AND later.period_spec = s.period_spec AND later.source_document = s.source_document
                AND later.clause = s.clause AND later.line_no > s.line_no);

-- step: resolve_keys
-- Locks the natural keys it reads (see dossier.sql): a concurrent load of the same targets waits.
UPDATE s
SET target_id = t.target_id
FROM #stg_target s
LEFT JOIN fact_target t WITH (UPDLOCK, HOLDLOCK)
  ON t.agency_code = s.agency_code AND t.indicator_code = s.indicator_code
 AND t.period_spec = s.period_spec AND t.source_document = s.source_document AND t.clause = s.clause;

-- step: classify
UPDATE s SET action = CASE
    WHEN s.target_id IS NULL THEN 'I'
    WHEN EXISTS (SELECT 1 FROM fact_target t WHERE t.target_id = s.target_id
                 AND t.comparator = s.comparator AND t.target_value = s.target_value) THEN 'N'
    ELSE 'U' END
FROM #stg_target s;

-- step: keep_history
-- The version a change replaces, so the snapshot can be reverted (revert/target.sql).
INSERT INTO fact_target_history (target_id, replaced_by_snapshot_id, row_json)
SELECT t.target_id, @snapshot_id, (
    SELECT t.target_id, t.agency_code, t.indicator_code, t.period_spec, t.start_key, t.end_key, t.comparator, t.target_value,
           t.source_document, t.clause, t.snapshot_id, t.first_snapshot_id
    FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)
FROM fact_target t JOIN #stg_target s ON s.target_id = t.target_id
WHERE s.action = 'U';

-- step: update_changed
UPDATE t SET comparator = s.comparator, target_value = s.target_value, snapshot_id = @snapshot_id
FROM fact_target t JOIN #stg_target s ON s.target_id = t.target_id
WHERE s.action = 'U';

-- step: insert_new
INSERT INTO fact_target (agency_code, indicator_code, period_spec, start_key, end_key, comparator, target_value,
    source_document, clause, snapshot_id, first_snapshot_id)
SELECT agency_code, indicator_code, period_spec, start_key, end_key, comparator, target_value, source_document, clause,
    @snapshot_id, @snapshot_id
FROM #stg_target WHERE action = 'I'
ORDER BY line_no;

-- step: resolve_quarantine
-- A target that loads now settles what an earlier snapshot quarantined under its unit, indicator and period.
UPDATE q SET resolved_at = CAST(@now AS datetime2(0)), resolved_by_snapshot_id = @snapshot_id
FROM etl_quarantine q
WHERE q.source = @source AND q.resolved_at IS NULL AND q.snapshot_id <> @snapshot_id
  AND q.record_key IN (SELECT CONCAT(s.agency_code, N'|', s.indicator_code, N'|', s.period_spec) FROM #stg_target s);

-- step: count_actions
SELECT action, COUNT(*) AS n FROM #stg_target GROUP BY action;

-- step: drop_staging
DROP TABLE IF EXISTS #stg_target;
