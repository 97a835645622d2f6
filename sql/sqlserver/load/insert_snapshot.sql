-- Records a snapshot being loaded and returns its id (the insert and the id in one round trip).
-- as_of and loaded_at arrive as ISO 8601 text, which converts to datetime2 whatever the session language.
INSERT INTO etl_snapshot (source, file_name, file_hash, profile, as_of, loaded_at, code_version, rule_set_id)
OUTPUT INSERTED.snapshot_id
VALUES (@Source, @FileName, @FileHash, @Profile, @AsOf, @LoadedAt, @CodeVersion, @RuleSetId);
