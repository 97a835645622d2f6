-- Kept apart from the numbered migrations: the runner needs it before it can read what was applied.
IF SCHEMA_ID(N'etl') IS NULL EXEC (N'CREATE SCHEMA etl');
IF OBJECT_ID(N'etl.schema_version', N'U') IS NULL
    CREATE TABLE etl.schema_version (
        version    int           NOT NULL PRIMARY KEY,
        name       nvarchar(200) NOT NULL,
        checksum   char(64)      NOT NULL,
        applied_at datetime2(3)  NOT NULL
    );
IF OBJECT_ID(N'dbo.etl_schema_version', N'SN') IS NULL
    EXEC (N'CREATE SYNONYM dbo.etl_schema_version FOR etl.schema_version');
