-- Conformed dimensions. Date keys are yyyymmdd integers so that period filters are integer ranges
-- and read the same on every database. Conventions: see 001_etl.sql.

CREATE SCHEMA dim;
GO

CREATE TABLE dim.date (
    date_key        int           NOT NULL,     -- yyyymmdd
    full_date       date          NOT NULL,
    year            int           NOT NULL,
    half            int           NOT NULL,
    quarter         int           NOT NULL,
    month           int           NOT NULL,
    day_of_month    int           NOT NULL,
    day_of_week     int           NOT NULL,     -- ISO: 1 Monday .. 7 Sunday
    is_working_day  bit           NOT NULL,
    holiday_name    nvarchar(200) NULL,
    -- Government reporting period: data from the 15th of the previous month to the 14th.
    report_year     int           NOT NULL,
    report_half     int           NOT NULL,
    report_quarter  int           NOT NULL,
    report_month    int           NOT NULL,
    -- Sequence numbers per grain (e.g. year*12 + month - 1) so a dossier's span of periods is an integer range.
    month_seq          int NOT NULL,
    quarter_seq        int NOT NULL,
    half_seq           int NOT NULL,
    year_seq           int NOT NULL,
    report_month_seq   int NOT NULL,
    report_quarter_seq int NOT NULL,
    report_half_seq    int NOT NULL,
    report_year_seq    int NOT NULL,
    CONSTRAINT pk_dim_date PRIMARY KEY (date_key),
    CONSTRAINT uq_dim_date_full_date UNIQUE (full_date),
    CONSTRAINT ck_dim_date_half CHECK (half BETWEEN 1 AND 2),
    CONSTRAINT ck_dim_date_quarter CHECK (quarter BETWEEN 1 AND 4),
    CONSTRAINT ck_dim_date_month CHECK (month BETWEEN 1 AND 12),
    CONSTRAINT ck_dim_date_day_of_week CHECK (day_of_week BETWEEN 1 AND 7)
);
CREATE SYNONYM dbo.dim_date FOR dim.date;

-- Every period the measures are computed for: calendar M/Q/H/Y and reporting RM/RQ/RH/RY.
CREATE TABLE dim.period (
    period_code nvarchar(12)  NOT NULL,         -- 2026-10, 2026-Q3, 2026-H1, 2026, R2026-10, R2026-Q3, R2026-H1, R2026
    grain       nvarchar(2)   NOT NULL,
    seq         int           NOT NULL,
    start_key   int           NOT NULL,
    end_key     int           NOT NULL,
    label_vi    nvarchar(100) NOT NULL,
    CONSTRAINT pk_dim_period PRIMARY KEY (period_code),
    CONSTRAINT uq_dim_period_grain_seq UNIQUE (grain, seq),
    CONSTRAINT ck_dim_period_grain CHECK (grain IN ('M', 'Q', 'H', 'Y', 'RM', 'RQ', 'RH', 'RY')),
    CONSTRAINT ck_dim_period_range CHECK (start_key <= end_key)
);
CREATE SYNONYM dbo.dim_period FOR dim.period;

CREATE TABLE dim.agency (
    agency_key    int           IDENTITY(1, 1) NOT NULL,
    agency_code   nvarchar(50)  NOT NULL,
    agency_name   nvarchar(300) NOT NULL,
    agency_level  nvarchar(20)  NOT NULL,
    province_code nvarchar(20)  NULL,
    sector        nvarchar(50)  NULL,           -- e.g. health, home_affairs: lets lineage match departments
    valid_from    date          NOT NULL,
    valid_to      date          NULL,           -- exclusive; NULL = still valid
    is_inferred   bit           NOT NULL CONSTRAINT df_dim_agency_is_inferred DEFAULT 0,   -- created from a fact before the reference file named it
    CONSTRAINT pk_dim_agency PRIMARY KEY (agency_key),
    CONSTRAINT uq_dim_agency_code_from UNIQUE (agency_code, valid_from),
    CONSTRAINT ck_dim_agency_level CHECK (agency_level IN ('province', 'department', 'commune', 'centre', 'unknown'))
);
CREATE INDEX ix_dim_agency_code ON dim.agency (agency_code, valid_to);
CREATE SYNONYM dbo.dim_agency FOR dim.agency;

-- Predecessor -> successor with the share of the predecessor's work that moved (2025 mergers).
CREATE TABLE dim.agency_lineage (
    predecessor_code nvarchar(50)  NOT NULL,
    successor_code   nvarchar(50)  NOT NULL,
    effective_date   date          NOT NULL,
    share            float         NOT NULL,
    note             nvarchar(400) NULL,
    CONSTRAINT pk_dim_agency_lineage PRIMARY KEY (predecessor_code, successor_code, effective_date),
    CONSTRAINT ck_dim_agency_lineage_share CHECK (share > 0 AND share <= 1),
    CONSTRAINT ck_dim_agency_lineage_distinct CHECK (predecessor_code <> successor_code)
);
CREATE SYNONYM dbo.agency_lineage FOR dim.agency_lineage;

CREATE TABLE dim.field (
    field_key  int           IDENTITY(1, 1) NOT NULL,
    field_code nvarchar(50)  NOT NULL,
    field_name nvarchar(400) NULL,
    CONSTRAINT pk_dim_field PRIMARY KEY (field_key),
    CONSTRAINT uq_dim_field_code UNIQUE (field_code)
);
CREATE SYNONYM dbo.dim_field FOR dim.field;

-- PROCEDURE is a reserved word in T-SQL, hence the brackets; the synonym hides them from DML.
CREATE TABLE dim.[procedure] (
    procedure_key  int            IDENTITY(1, 1) NOT NULL,
    procedure_code nvarchar(50)   NOT NULL,
    procedure_name nvarchar(1000) NULL,
    field_key      int            NULL,
    online_service nvarchar(12)   NULL,
    CONSTRAINT pk_dim_procedure PRIMARY KEY (procedure_key),
    CONSTRAINT uq_dim_procedure_code UNIQUE (procedure_code),
    CONSTRAINT fk_dim_procedure_field FOREIGN KEY (field_key) REFERENCES dim.field (field_key),
    CONSTRAINT ck_dim_procedure_online_service CHECK (online_service IN ('toan_trinh', 'mot_phan', 'none'))
);
CREATE SYNONYM dbo.dim_procedure FOR dim.[procedure];

CREATE TABLE dim.channel (
    channel_key  int           NOT NULL,
    channel_code nvarchar(20)  NOT NULL,
    name_vi      nvarchar(100) NOT NULL,
    name_en      nvarchar(100) NOT NULL,
    CONSTRAINT pk_dim_channel PRIMARY KEY (channel_key),
    CONSTRAINT uq_dim_channel_code UNIQUE (channel_code),
    CONSTRAINT ck_dim_channel_key CHECK (channel_key IN (1, 2, 3))
);
INSERT INTO dim.channel (channel_key, channel_code, name_vi, name_en) VALUES
    (1, N'in_person', N'Trực tiếp', N'In person'),
    (2, N'online', N'Trực tuyến', N'Online'),
    (3, N'postal', N'Bưu chính công ích', N'Public postal service');
CREATE SYNONYM dbo.dim_channel FOR dim.channel;

-- The indicator catalog, loaded from reference/indicators.yaml by `iw init`.
CREATE TABLE dim.indicator (
    indicator_code  nvarchar(100)  NOT NULL,
    name_vi         nvarchar(400)  NOT NULL,
    name_en         nvarchar(400)  NOT NULL,
    unit            nvarchar(10)   NOT NULL,
    direction       nvarchar(20)   NOT NULL,
    indicator_group nvarchar(100)  NOT NULL,
    formula         nvarchar(1000) NOT NULL,
    rule_version    nvarchar(50)   NOT NULL,
    sort_order      int            NOT NULL,
    CONSTRAINT pk_dim_indicator PRIMARY KEY (indicator_code),
    CONSTRAINT ck_dim_indicator_unit CHECK (unit IN ('count', 'percent', 'points')),
    CONSTRAINT ck_dim_indicator_direction CHECK (direction IN ('higher_is_better', 'lower_is_better', 'neutral'))
);
CREATE SYNONYM dbo.dim_indicator FOR dim.indicator;
