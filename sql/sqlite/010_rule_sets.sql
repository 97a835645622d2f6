-- A rules change never silently rewrites history. The rule files (indicators.yaml, index766.yaml with its rating
-- bands, deadlines.yaml, holidays.csv) are recorded as a rule set the first time a load or a build uses them: each
-- file's declared version, content hash and text, so an old set can be read back (`iw rules show`). Values,
-- snapshots and issued reports name the set they were made under, and a build that re-scores periods under
-- another set than the one that made their values says so, here and on screen.

CREATE TABLE etl_rule_set (
    rule_set_id   INTEGER PRIMARY KEY,
    fingerprint   TEXT    NOT NULL UNIQUE,      -- SHA-256 over every file's name and content hash
    label         TEXT    NOT NULL,             -- "deadlines 2026.1 · holidays 3f2a9c1b · index766 766-2022.1 · indicators 2026.1"
    first_used_at TEXT    NOT NULL,
    first_used_by TEXT    NOT NULL CHECK (first_used_by IN ('load', 'build'))
);

CREATE TABLE etl_rule_file (
    rule_set_id  INTEGER NOT NULL REFERENCES etl_rule_set (rule_set_id),
    file_name    TEXT    NOT NULL,
    version      TEXT,                          -- the file's rule_version; NULL when it declares none (holidays.csv)
    content_hash TEXT    NOT NULL,              -- SHA-256 of the text with uniform line ends
    content      TEXT    NOT NULL,
    PRIMARY KEY (rule_set_id, file_name)
);

-- Periods a build re-scored under another rule set than the one that had made their values, by run.
CREATE TABLE etl_rule_rescore (
    run_id           INTEGER NOT NULL REFERENCES etl_run (run_id),
    period_code      TEXT    NOT NULL,
    from_rule_set_id INTEGER NOT NULL REFERENCES etl_rule_set (rule_set_id),
    to_rule_set_id   INTEGER NOT NULL REFERENCES etl_rule_set (rule_set_id),
    PRIMARY KEY (run_id, period_code, from_rule_set_id)
);

-- The set each value was built under (NULL for figures reported by hand, and for values built before this
-- migration), the set a snapshot's derived deadline keys were computed with, and the set of an issued report's figures.
ALTER TABLE fact_indicator_value ADD COLUMN rule_set_id INTEGER REFERENCES etl_rule_set (rule_set_id);
ALTER TABLE etl_snapshot ADD COLUMN rule_set_id INTEGER REFERENCES etl_rule_set (rule_set_id);
ALTER TABLE etl_issued_report ADD COLUMN rule_set_id INTEGER REFERENCES etl_rule_set (rule_set_id);
