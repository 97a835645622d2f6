using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>Keeps analysts' SQL to reading. Three layers, because each alone has a gap: the file is opened
/// read-only, an authorizer lets SQLite itself refuse anything but reading (ATTACH, PRAGMA, temp tables),
/// and the text must be exactly one statement.</summary>
internal static class SqliteReadOnlyGuard
{
    // https://sqlite.org/c3ref/c_alter_table.html
    private const int SqliteRead = 20, SqliteSelect = 21, SqliteFunction = 31, SqliteRecursive = 33;
    private const int SqliteOk = 0, SqliteDeny = 1, SqliteAuth = 23;

    public static void Install(SqliteConnection connection) =>
        raw.sqlite3_set_authorizer(connection.Handle, Authorize, null);

    private static int Authorize(object userData, int action, string param0, string param1, string dbName, string trigger) =>
        action is SqliteRead or SqliteSelect or SqliteFunction or SqliteRecursive ? SqliteOk : SqliteDeny;

    public static void EnsureSingleReadOnlyStatement(SqliteConnection connection, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement, out var tail);
        using (statement)
        {
            if (rc == SqliteAuth)
                throw new ReadOnlyViolationException("Refused: this statement would change the warehouse or its settings; only reading (SELECT) is allowed here.");
            if (rc != SqliteOk)
                throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), rc);
            if (statement is null || statement.IsInvalid)
                throw new ReadOnlyViolationException("Refused: the text holds no SQL statement.");
            if (raw.sqlite3_stmt_readonly(statement) == 0)
                throw new ReadOnlyViolationException("Refused: this statement would write; only reading (SELECT) is allowed here.");
        }
        if (!string.IsNullOrWhiteSpace(StripComments(tail)))
            throw new ReadOnlyViolationException("Refused: only one statement at a time is allowed.");
    }

    private static string StripComments(string? sql)
    {
        if (string.IsNullOrEmpty(sql)) return "";
        var lines = sql.Split('\n').Select(l => l.Contains("--", StringComparison.Ordinal) ? l[..l.IndexOf("--", StringComparison.Ordinal)] : l);
        return string.Join('\n', lines).Trim().TrimEnd(';').Trim();
    }
}
