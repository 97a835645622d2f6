-- A rules change never silently rewrites history (see sql/sqlite/010_rule_sets.sql).
-- Conventions: see 001_etl.sql. The same tables and columns as the SQLite migration.

CREATE TABLE etl.rule_set (
    rule_set_id   int           IDENTITY(1, 1) NOT NULL,
    fingerprint   nvarchar(64)  NOT NULL,       -- SHA-256 over every file's name and content hash
    label         nvarchar(400) NOT NULL,
    first_used_at datetime2(0)  NOT NULL,
    first_used_by nvarchar(10)  NOT NULL,
    CONSTRAINT pk_etl_rule_set PRIMARY KEY (rule_set_id),
    CONSTRAINT uq_etl_rule_set_fingerprint UNIQUE (fingerprint),
    CONSTRAINT ck_etl_rule_set_first_used_by CHECK (first_used_by IN (N'load', N'build'))
);
CREATE SYNONYM dbo.etl_rule_set FOR etl.rule_set;

CREATE TABLE etl.rule_file (
    rule_set_id  int           NOT NULL,
    file_name    nvarchar(100) NOT NULL,
    version      nvarchar(50)  NULL,            -- the file's rule_version; NULL when it declares none (holidays.csv)
    content_hash nvarchar(64)  NOT NULL,
    content      nvarchar(max) NOT NULL,
    CONSTRAINT pk_etl_rule_file PRIMARY KEY (rule_set_id, file_name),
    CONSTRAINT fk_etl_rule_file_rule_set FOREIGN KEY (rule_set_id) REFERENCES etl.rule_set (rule_set_id)
);
CREATE SYNONYM dbo.etl_rule_file FOR etl.rule_file;

CREATE TABLE etl.rule_rescore (
    run_id           int          NOT NULL,
    period_code      nvarchar(12) NOT NULL,
    from_rule_set_id int          NOT NULL,
    to_rule_set_id   int          NOT NULL,
    CONSTRAINT pk_etl_rule_rescore PRIMARY KEY (run_id, period_code, from_rule_set_id),
    CONSTRAINT fk_etl_rule_rescore_run FOREIGN KEY (run_id) REFERENCES etl.run (run_id),
    CONSTRAINT fk_etl_rule_rescore_from FOREIGN KEY (from_rule_set_id) REFERENCES etl.rule_set (rule_set_id),
    CONSTRAINT fk_etl_rule_rescore_to FOREIGN KEY (to_rule_set_id) REFERENCES etl.rule_set (rule_set_id)
);
CREATE SYNONYM dbo.etl_rule_rescore FOR etl.rule_rescore;

-- ALTER TABLE names the tables themselves: a synonym cannot be altered.
ALTER TABLE fact.indicator_value ADD rule_set_id int NULL
    CONSTRAINT fk_fact_indicator_value_rule_set REFERENCES etl.rule_set (rule_set_id);
ALTER TABLE etl.snapshot ADD rule_set_id int NULL
    CONSTRAINT fk_etl_snapshot_rule_set REFERENCES etl.rule_set (rule_set_id);
ALTER TABLE etl.issued_report ADD rule_set_id int NULL
    CONSTRAINT fk_etl_issued_report_rule_set REFERENCES etl.rule_set (rule_set_id);
