-- Issued reports stay what they were (see sql/sqlite/007_issued_reports.sql). The archived file is
-- varbinary(max): PDFs of a few hundred kilobytes, kept for as long as the warehouse.

CREATE TABLE etl.issued_report (
    report_id     bigint         IDENTITY(1, 1) NOT NULL CONSTRAINT pk_etl_issued_report PRIMARY KEY,
    kind          nvarchar(20)   NOT NULL CONSTRAINT ck_etl_issued_report_kind
                                 CHECK (kind IN (N'scorecard', N'ranking', N'review', N'bieu06', N'quick_report')),
    scope_code    nvarchar(50)   NOT NULL,
    period_code   nvarchar(20)   NOT NULL,
    revision_no   int            NOT NULL CONSTRAINT df_etl_issued_report_revision DEFAULT 0,
    revises_id    bigint         NULL CONSTRAINT fk_etl_issued_report_revises REFERENCES etl.issued_report (report_id),
    issued_at     datetime2(0)   NOT NULL,
    rule_version  nvarchar(20)   NOT NULL,
    snapshot_ids  nvarchar(max)  NOT NULL,
    figures_json  nvarchar(max)  NOT NULL,
    changes_json  nvarchar(max)  NULL,
    file_name     nvarchar(260)  NOT NULL,
    file_hash     char(64)       NOT NULL,
    file_content  varbinary(max) NOT NULL,
    CONSTRAINT uq_etl_issued_report UNIQUE (kind, scope_code, period_code, revision_no)
);
GO
CREATE INDEX ix_etl_issued_report_latest ON etl.issued_report (kind, scope_code, period_code, revision_no);
GO
CREATE SYNONYM dbo.etl_issued_report FOR etl.issued_report;
