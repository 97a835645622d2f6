-- Records a snapshot being loaded and returns its id (the insert and the id in one round trip).
INSERT INTO etl_snapshot (source, file_name, file_hash, profile, as_of, loaded_at, code_version)
VALUES (@Source, @FileName, @FileHash, @Profile, @AsOf, @LoadedAt, @CodeVersion)
RETURNING snapshot_id;
