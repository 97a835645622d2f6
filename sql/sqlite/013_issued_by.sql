-- Who issued each report: a person signed in to `iw serve` (administrators only), the scheduler, or the command line
-- with the operating-system user. Reading a report on the web never issues one.
ALTER TABLE etl_issued_report ADD COLUMN issued_by TEXT;
