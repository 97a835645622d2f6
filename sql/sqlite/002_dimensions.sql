-- Conformed dimensions. Date keys are yyyymmdd integers so that period filters are integer ranges
-- and read the same on every database.

CREATE TABLE dim_date (
    date_key        INTEGER PRIMARY KEY,        -- yyyymmdd
    full_date       TEXT    NOT NULL UNIQUE,    -- yyyy-MM-dd
    year            INTEGER NOT NULL,
    half            INTEGER NOT NULL CHECK (half BETWEEN 1 AND 2),
    quarter         INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    month           INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day_of_month    INTEGER NOT NULL,
    day_of_week     INTEGER NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),   -- ISO: 1 Monday .. 7 Sunday
    is_working_day  INTEGER NOT NULL CHECK (is_working_day IN (0, 1)),
    holiday_name    TEXT,
    -- Government reporting period: data from the 15th of the previous month to the 14th.
    report_year     INTEGER NOT NULL,
    report_half     INTEGER NOT NULL,
    report_quarter  INTEGER NOT NULL,
    report_month    INTEGER NOT NULL,
    -- Sequence numbers per grain (e.g. year*12 + month - 1) so a dossier's span of periods is an integer range.
    month_seq          INTEGER NOT NULL,
    quarter_seq        INTEGER NOT NULL,
    half_seq           INTEGER NOT NULL,
    year_seq           INTEGER NOT NULL,
    report_month_seq   INTEGER NOT NULL,
    report_quarter_seq INTEGER NOT NULL,
    report_half_seq    INTEGER NOT NULL,
    report_year_seq    INTEGER NOT NULL
);

-- Every period the measures are computed for: calendar M/Q/H/Y and reporting RM/RQ/RH/RY.
CREATE TABLE dim_period (
    period_code TEXT    PRIMARY KEY,            -- 2026-10, 2026-Q3, 2026-H1, 2026, R2026-10, R2026-Q3, R2026-H1, R2026
    grain       TEXT    NOT NULL CHECK (grain IN ('M', 'Q', 'H', 'Y', 'RM', 'RQ', 'RH', 'RY')),
    seq         INTEGER NOT NULL,
    start_key   INTEGER NOT NULL,
    end_key     INTEGER NOT NULL,
    label_vi    TEXT    NOT NULL,
    UNIQUE (grain, seq),
    CHECK (start_key <= end_key)
);

CREATE TABLE dim_agency (
    agency_key    INTEGER PRIMARY KEY,
    agency_code   TEXT    NOT NULL,
    agency_name   TEXT    NOT NULL,
    agency_level  TEXT    NOT NULL CHECK (agency_level IN ('province', 'department', 'commune', 'centre', 'unknown')),
    province_code TEXT,
    sector        TEXT,                         -- e.g. health, home_affairs: lets lineage match departments
    valid_from    TEXT    NOT NULL,             -- yyyy-MM-dd
    valid_to      TEXT,                         -- exclusive; NULL = still valid
    is_inferred   INTEGER NOT NULL DEFAULT 0 CHECK (is_inferred IN (0, 1)),   -- created from a fact before the reference file named it
    UNIQUE (agency_code, valid_from)
);
CREATE INDEX ix_dim_agency_code ON dim_agency (agency_code, valid_to);

-- Predecessor -> successor with the share of the predecessor's work that moved (2025 mergers).
CREATE TABLE agency_lineage (
    predecessor_code TEXT NOT NULL,
    successor_code   TEXT NOT NULL,
    effective_date   TEXT NOT NULL,
    share            REAL NOT NULL CHECK (share > 0 AND share <= 1),
    note             TEXT,
    PRIMARY KEY (predecessor_code, successor_code, effective_date),
    CHECK (predecessor_code <> successor_code)
);

CREATE TABLE dim_field (
    field_key  INTEGER PRIMARY KEY,
    field_code TEXT NOT NULL UNIQUE,
    field_name TEXT
);

CREATE TABLE dim_procedure (
    procedure_key  INTEGER PRIMARY KEY,
    procedure_code TEXT NOT NULL UNIQUE,
    procedure_name TEXT,
    field_key      INTEGER REFERENCES dim_field (field_key),
    online_service TEXT CHECK (online_service IN ('toan_trinh', 'mot_phan', 'none'))
);

CREATE TABLE dim_channel (
    channel_key INTEGER PRIMARY KEY CHECK (channel_key IN (1, 2, 3)),
    channel_code TEXT NOT NULL UNIQUE,
    name_vi      TEXT NOT NULL,
    name_en      TEXT NOT NULL
);
INSERT INTO dim_channel (channel_key, channel_code, name_vi, name_en) VALUES
    (1, 'in_person', 'Trực tiếp', 'In person'),
    (2, 'online', 'Trực tuyến', 'Online'),
    (3, 'postal', 'Bưu chính công ích', 'Public postal service');

-- The indicator catalog, loaded from reference/indicators.yaml by `iw init`.
CREATE TABLE dim_indicator (
    indicator_code  TEXT PRIMARY KEY,
    name_vi         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    unit            TEXT NOT NULL CHECK (unit IN ('count', 'percent', 'points')),
    direction       TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better', 'neutral')),
    indicator_group TEXT NOT NULL,
    formula         TEXT NOT NULL,
    rule_version    TEXT NOT NULL,
    sort_order      INTEGER NOT NULL
);
