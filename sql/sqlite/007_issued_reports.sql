-- Issued reports stay what they were: every scorecard, ranking, review and Biểu 06 that was issued is kept
-- with the file itself, the figures it showed, the snapshots and rule version it used, and — when later data
-- changed a figure of an issued period — which issue it revises and what changed.

CREATE TABLE etl_issued_report (
    report_id     INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('scorecard', 'ranking', 'review', 'bieu06', 'quick_report')),
    scope_code    TEXT    NOT NULL,             -- the unit, or the province for rankings and reviews
    period_code   TEXT    NOT NULL,             -- 2026-10, 2021-2026 for a review
    revision_no   INTEGER NOT NULL DEFAULT 0,   -- 0 = first issue; 1, 2 … = "Bản điều chỉnh"
    revises_id    INTEGER REFERENCES etl_issued_report (report_id),
    issued_at     TEXT    NOT NULL,
    rule_version  TEXT    NOT NULL,
    snapshot_ids  TEXT    NOT NULL,             -- JSON array of the snapshots the figures were built from
    figures_json  TEXT    NOT NULL,             -- JSON object: figure key -> value shown
    changes_json  TEXT,                         -- JSON array of {figure, before, after} against the issue revised
    file_name     TEXT    NOT NULL,
    file_hash     TEXT    NOT NULL,
    file_content  BLOB    NOT NULL,
    UNIQUE (kind, scope_code, period_code, revision_no)
);
CREATE INDEX ix_etl_issued_report_latest ON etl_issued_report (kind, scope_code, period_code, revision_no);
