-- Kept apart from the numbered migrations: the runner needs it before it can read what was applied.
CREATE TABLE IF NOT EXISTS etl_schema_version (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
