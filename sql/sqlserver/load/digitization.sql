-- Merge of one digitization snapshot into fact_digitization (one row per dossier code; the record may
-- arrive before or after its dossier). Parameters, and how T-SQL differs from sql/sqlite/load/digitization.sql,
-- as in dossier.sql.

-- step: create_staging
DROP TABLE IF EXISTS #stg_digitization;
CREATE TABLE #stg_digitization (
    line_no int NOT NULL, dossier_code nvarchar(100) COLLATE DATABASE_DEFAULT NOT NULL,
    agency_code nvarchar(50) COLLATE DATABASE_DEFAULT NOT NULL, documents_submitted int NOT NULL,
    documents_digitized int NOT NULL, documents_reused int NOT NULL, from_personal_store int NOT NULL,
    population_db_used int NOT NULL, result_required int NULL, result_electronic int NULL,
    result_file_url nvarchar(2000) COLLATE DATABASE_DEFAULT NULL,
    agency_key int NULL, action char(1) NULL);

-- step: index_staging
CREATE CLUSTERED INDEX ix_stg_digitization_code ON #stg_digitization (dossier_code, line_no);

-- step: drop_duplicates
DELETE s FROM #stg_digitization s
WHERE EXISTS (SELECT 1 FROM #stg_digitization later WHERE later.dossier_code = s.dossier_code AND later.line_no > s.line_no);

-- step: add_inferred_agencies
INSERT INTO dim_agency (agency_code, agency_name, agency_level, valid_from, is_inferred)
SELECT s.agency_code, s.agency_code, N'unknown', '1900-01-01', 1 FROM #stg_digitization s
WHERE NOT EXISTS (SELECT 1 FROM dim_agency a WITH (UPDLOCK, HOLDLOCK) WHERE a.agency_code = s.agency_code)
GROUP BY s.agency_code;

-- step: resolve_keys
-- The record carries no date: the unit version valid on the as-of day.
UPDATE s
SET agency_key = COALESCE(valid_then.agency_key, latest.agency_key)
FROM #stg_digitization s
OUTER APPLY (SELECT TOP (1) a.agency_key FROM dim_agency a
             WHERE a.agency_code = s.agency_code
               AND a.valid_from <= CAST(CAST(@as_of AS datetime2(0)) AS date)
               AND (a.valid_to IS NULL OR a.valid_to > CAST(CAST(@as_of AS datetime2(0)) AS date))
             ORDER BY a.valid_from DESC) valid_then
OUTER APPLY (SELECT TOP (1) a.agency_key FROM dim_agency a WHERE a.agency_code = s.agency_code ORDER BY a.valid_from DESC) latest;

-- step: classify
-- The existence test locks the codes it reads (see dossier.sql): a concurrent load of the same records waits.
UPDATE s SET action = 'I'
FROM #stg_digitization s
WHERE NOT EXISTS (SELECT 1 FROM fact_digitization f WITH (UPDLOCK, HOLDLOCK) WHERE f.dossier_code = s.dossier_code);
UPDATE s
SET action = CASE
    WHEN EXISTS (
        SELECT s.documents_submitted, s.documents_digitized, s.documents_reused, s.from_personal_store, s.population_db_used,
               s.result_required, s.result_electronic, s.result_file_url COLLATE Latin1_General_100_BIN2
        INTERSECT
        SELECT f.documents_submitted, f.documents_digitized, f.documents_reused, f.from_personal_store, f.population_db_used,
               f.result_required, f.result_electronic, f.result_file_url COLLATE Latin1_General_100_BIN2) THEN 'N'
    WHEN f.source_as_of > CAST(@as_of AS datetime2(0)) THEN 'S'
    ELSE 'U' END
FROM #stg_digitization s JOIN fact_digitization f ON f.dossier_code = s.dossier_code;

-- step: mark_rebuild
-- Digitization counts by the dossier's received day (and processed day for results).
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(COALESCE(d.received_date_key, @as_of_key)), MAX(COALESCE(d.end_date_key, @as_of_key)), CAST(@now AS datetime2(0))
FROM #stg_digitization s LEFT JOIN fact_dossier d ON d.dossier_code = s.dossier_code
WHERE s.action IN ('I', 'U')
HAVING COUNT(*) > 0;

-- step: keep_history
-- The version a change replaces, so the snapshot can be reverted (revert/digitization.sql). Bits as 0/1, as SQLite stores them.
INSERT INTO fact_digitization_history (dossier_code, replaced_by_snapshot_id, row_json)
SELECT f.dossier_code, @snapshot_id, (
    SELECT f.dossier_code, f.agency_key, f.documents_submitted, f.documents_digitized, f.documents_reused,
           CAST(f.from_personal_store AS int) AS from_personal_store, CAST(f.population_db_used AS int) AS population_db_used,
           CAST(f.result_required AS int) AS result_required, CAST(f.result_electronic AS int) AS result_electronic,
           f.result_file_url, f.source_as_of, f.first_snapshot_id, f.last_snapshot_id
    FOR JSON PATH, WITHOUT_ARRAY_WRAPPER, INCLUDE_NULL_VALUES)
FROM fact_digitization f JOIN #stg_digitization s ON s.dossier_code = f.dossier_code
WHERE s.action = 'U';

-- step: update_changed
UPDATE f
SET agency_key = s.agency_key, documents_submitted = s.documents_submitted, documents_digitized = s.documents_digitized,
    documents_reused = s.documents_reused, from_personal_store = s.from_personal_store, population_db_used = s.population_db_used,
    result_required = s.result_required, result_electronic = s.result_electronic, result_file_url = s.result_file_url,
    source_as_of = CAST(@as_of AS datetime2(0)), last_snapshot_id = @snapshot_id
FROM fact_digitization f JOIN #stg_digitization s ON s.dossier_code = f.dossier_code
WHERE s.action = 'U';

-- step: insert_new
INSERT INTO fact_digitization (dossier_code, agency_key, documents_submitted, documents_digitized, documents_reused,
    from_personal_store, population_db_used, result_required, result_electronic, result_file_url, source_as_of,
    first_snapshot_id, last_snapshot_id)
SELECT dossier_code, agency_key, documents_submitted, documents_digitized, documents_reused,
    from_personal_store, population_db_used, result_required, result_electronic, result_file_url,
    CAST(@as_of AS datetime2(0)), @snapshot_id, @snapshot_id
FROM #stg_digitization WHERE action = 'I'
ORDER BY line_no;

-- step: resolve_quarantine
-- A record that loads now settles what an earlier snapshot quarantined under its dossier code (the reason stays).
UPDATE q SET resolved_at = CAST(@now AS datetime2(0)), resolved_by_snapshot_id = @snapshot_id
FROM etl_quarantine q
WHERE q.source = @source AND q.resolved_at IS NULL AND q.snapshot_id <> @snapshot_id
  AND q.record_key IN (SELECT s.dossier_code FROM #stg_digitization s);

-- step: count_actions
SELECT action, COUNT(*) AS n FROM #stg_digitization GROUP BY action;

-- step: drop_staging
DROP TABLE IF EXISTS #stg_digitization;
