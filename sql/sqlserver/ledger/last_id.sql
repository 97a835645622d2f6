-- Appended to an INSERT in the same command, so SCOPE_IDENTITY() sees that INSERT (and no trigger's).
SELECT CAST(SCOPE_IDENTITY() AS bigint);
