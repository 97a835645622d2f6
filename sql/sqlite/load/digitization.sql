-- Merge of one digitization snapshot into fact_digitization (one row per dossier code; the record may
-- arrive before or after its dossier). Parameters as in dossier.sql.
--
-- As for dossiers (dossier.sql), the SQLite loader resolves each record's unit in memory and inserts the records the
-- warehouse does not have straight into fact_digitization as it reads the file (Dialects/Sqlite/SqliteDigitizationInsert,
-- which also queues their days for rebuild); only the records that exist already are staged and merged here. SQL
-- Server stages every row and has the steps add_inferred_agencies, resolve_keys and insert_new besides.

-- step: create_staging
CREATE TEMP TABLE IF NOT EXISTS stg_digitization (
    line_no INTEGER NOT NULL, dossier_code TEXT NOT NULL, agency_code TEXT NOT NULL, documents_submitted INTEGER NOT NULL,
    documents_digitized INTEGER NOT NULL, documents_reused INTEGER NOT NULL, from_personal_store INTEGER NOT NULL,
    population_db_used INTEGER NOT NULL, result_required INTEGER, result_electronic INTEGER, result_file_url TEXT,
    agency_key INTEGER, action TEXT);
DELETE FROM stg_digitization;

-- step: index_staging
CREATE INDEX IF NOT EXISTS temp.ix_stg_digitization_code ON stg_digitization (dossier_code, line_no);

-- step: drop_duplicates
DELETE FROM stg_digitization
WHERE EXISTS (SELECT 1 FROM stg_digitization later
              WHERE later.dossier_code = stg_digitization.dossier_code AND later.line_no > stg_digitization.line_no);

-- step: classify
-- N = unchanged, R = a later line of a record this snapshot inserted, with other content, S = stale, U = changed
-- (as in dossier.sql).
UPDATE stg_digitization
SET action = CASE
    WHEN f.documents_submitted IS stg_digitization.documents_submitted AND f.documents_digitized IS stg_digitization.documents_digitized
     AND f.documents_reused IS stg_digitization.documents_reused AND f.from_personal_store IS stg_digitization.from_personal_store
     AND f.population_db_used IS stg_digitization.population_db_used AND f.result_required IS stg_digitization.result_required
     AND f.result_electronic IS stg_digitization.result_electronic AND f.result_file_url IS stg_digitization.result_file_url THEN 'N'
    WHEN f.first_snapshot_id = @snapshot_id THEN 'R'
    WHEN f.source_as_of > @as_of THEN 'S'
    ELSE 'U' END
FROM fact_digitization f
WHERE f.dossier_code = stg_digitization.dossier_code;

-- step: mark_rebuild
-- Digitization counts by the dossier's received day (and processed day for results).
INSERT INTO etl_rebuild_queue (snapshot_id, from_date_key, to_date_key, marked_at)
SELECT @snapshot_id, MIN(COALESCE(d.received_date_key, @as_of_key)), MAX(COALESCE(d.end_date_key, @as_of_key)), @now
FROM stg_digitization s LEFT JOIN fact_dossier d ON d.dossier_code = s.dossier_code
WHERE s.action IN ('U', 'R')
HAVING COUNT(*) > 0;

-- step: keep_history
-- The version a change replaces, so the snapshot can be reverted (revert/digitization.sql).
INSERT INTO fact_digitization_history (dossier_code, replaced_by_snapshot_id, row_json)
SELECT f.dossier_code, @snapshot_id, json_object(
    'dossier_code', f.dossier_code, 'agency_key', f.agency_key, 'documents_submitted', f.documents_submitted,
    'documents_digitized', f.documents_digitized, 'documents_reused', f.documents_reused,
    'from_personal_store', f.from_personal_store, 'population_db_used', f.population_db_used,
    'result_required', f.result_required, 'result_electronic', f.result_electronic, 'result_file_url', f.result_file_url,
    'source_as_of', f.source_as_of, 'first_snapshot_id', f.first_snapshot_id, 'last_snapshot_id', f.last_snapshot_id)
FROM fact_digitization f JOIN stg_digitization s ON s.dossier_code = f.dossier_code
WHERE s.action = 'U';

-- step: update_changed
UPDATE fact_digitization
SET agency_key = s.agency_key, documents_submitted = s.documents_submitted, documents_digitized = s.documents_digitized,
    documents_reused = s.documents_reused, from_personal_store = s.from_personal_store, population_db_used = s.population_db_used,
    result_required = s.result_required, result_electronic = s.result_electronic, result_file_url = s.result_file_url,
    source_as_of = @as_of, last_snapshot_id = @snapshot_id
FROM stg_digitization s
WHERE s.dossier_code = fact_digitization.dossier_code AND s.action IN ('U', 'R');

-- step: resolve_quarantine
-- A record that loads now settles what an earlier snapshot quarantined under its dossier code (the reason stays).
UPDATE etl_quarantine SET resolved_at = @now, resolved_by_snapshot_id = @snapshot_id
WHERE source = @source AND resolved_at IS NULL AND snapshot_id <> @snapshot_id
  AND (record_key IN (SELECT dossier_code FROM stg_digitization)
       OR EXISTS (SELECT 1 FROM fact_digitization g WHERE g.dossier_code = etl_quarantine.record_key AND g.last_snapshot_id = @snapshot_id));

-- step: count_actions
SELECT action, COUNT(*) AS n FROM stg_digitization GROUP BY action;

-- step: drop_staging
DROP TABLE IF EXISTS temp.stg_digitization;
