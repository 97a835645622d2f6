-- Records a snapshot being loaded and returns its id (the insert and the id in one round trip).
INSERT INTO etl_snapshot (source, file_name, file_hash, profile, as_of, loaded_at, code_version, rule_set_id)
VALUES (@Source, @FileName, @FileHash, @Profile, @AsOf, @LoadedAt, @CodeVersion, @RuleSetId)
RETURNING snapshot_id;
