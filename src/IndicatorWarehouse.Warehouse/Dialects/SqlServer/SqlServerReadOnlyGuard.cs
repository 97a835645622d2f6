using System.Collections.Frozen;
using Dapper;
using Microsoft.Data.SqlClient;

namespace IndicatorWarehouse.Warehouse.Dialects.SqlServer;

/// <summary>Keeps analysts' SQL to reading on SQL Server. Four layers, because each alone has a gap:
/// <list type="number">
/// <item>the login is only in db_datareader (deployment, see sql/sqlserver/README.md) — but a deployment may
/// get that wrong;</item>
/// <item><c>ApplicationIntent=ReadOnly</c> puts the session on a readable secondary where one exists, where the
/// server refuses writes — but a single server ignores the intent;</item>
/// <item>the text, read token by token outside strings and comments, must be one SELECT (or WITH … SELECT)
/// with no keyword that writes, runs code, changes the session or reaches outside the database — conservative,
/// but a token scan is not a parser;</item>
/// <item>the server's own parser (<c>sys.dm_exec_describe_first_result_set</c>) must compile the text and find
/// a result set, so a statement that returns no rows is refused — but it describes only the first result.</item>
/// </list></summary>
internal static class SqlServerReadOnlyGuard
{
    // Statements and clauses that write (INTO is SELECT … INTO), run code, manage transactions or the session,
    // or read outside the warehouse (files, linked servers), and lock hints that would hold locks against a
    // running load. T-SQL reserves most of these words, so a valid read-only query never uses them bare; a
    // column named like one of the others (THROW, SEND, ENABLE, XLOCK, …) has to be quoted, the price of a
    // conservative check.
    private static readonly FrozenSet<string> Forbidden = FrozenSet.Create(StringComparer.Ordinal,
        "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "INTO", "BULK", "WRITETEXT", "UPDATETEXT", "READTEXT",
        "CREATE", "ALTER", "DROP", "GRANT", "REVOKE", "DENY", "EXEC", "EXECUTE", "DECLARE", "SET", "USE",
        "BEGIN", "COMMIT", "ROLLBACK", "SAVE", "IF", "WHILE", "GOTO", "RETURN", "WAITFOR", "PRINT", "RAISERROR", "THROW",
        "OPEN", "CLOSE", "DEALLOCATE", "RECEIVE", "SEND", "OPENROWSET", "OPENDATASOURCE", "OPENQUERY",
        "BACKUP", "RESTORE", "DBCC", "KILL", "SHUTDOWN", "RECONFIGURE", "CHECKPOINT", "SETUSER", "REVERT",
        "ENABLE", "DISABLE", "HOLDLOCK", "UPDLOCK", "XLOCK", "TABLOCK", "TABLOCKX", "PAGLOCK", "SERIALIZABLE", "REPEATABLEREAD");

    // A SELECT after one of these continues the same statement; any other SELECT at the top level starts a new one.
    private static readonly FrozenSet<string> SetOperators = FrozenSet.Create(StringComparer.Ordinal,
        "UNION", "ALL", "EXCEPT", "INTERSECT");

    public static void EnsureSingleReadOnlyStatement(SqlConnection connection, string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        EnsureTokensRead(sql);
        EnsureServerFindsResultSet(connection, sql, ParameterDeclarations(parameters));
    }

    /// <summary>The parameter list the server needs to compile a text that uses <c>@name</c> values (without it a
    /// dashboard's <c>WHERE agency_code = @unit</c> fails with "must declare the scalar variable"), typed as
    /// SqlClient will send the values; null when there are none.</summary>
    internal static string? ParameterDeclarations(IReadOnlyDictionary<string, object?> parameters) =>
        parameters.Count == 0 ? null : string.Join(", ", parameters.Select(p => $"@{p.Key} {SqlType(p.Value)}"));

    private static string SqlType(object? value) => value switch
    {
        int or short or byte => "int",
        long => "bigint",
        double or float => "float",
        decimal => "decimal(38, 10)",
        bool => "bit",
        DateTime => "datetime2",
        DateOnly => "date",
        _ => "nvarchar(4000)", // strings, and null (an unset filter compares as NULL whatever its type)
    };

    /// <summary>The token layer: needs no server.</summary>
    internal static void EnsureTokensRead(string sql)
    {
        IReadOnlyList<TSqlToken> tokens;
        try { tokens = TSqlTokens.Read(sql); }
        catch (FormatException e) { throw new ReadOnlyViolationException($"Refused: {e.Message}"); }

        var count = tokens.Count;
        while (count > 0 && tokens[count - 1].IsSymbol(';')) count--;
        if (count == 0)
            throw new ReadOnlyViolationException("Refused: the text holds no SQL statement.");
        if (!tokens[0].IsWord("SELECT") && !tokens[0].IsWord("WITH"))
            throw new ReadOnlyViolationException("Refused: only reading (SELECT, or WITH … SELECT) is allowed here.");

        var depth = 0;
        var statements = 0;
        for (var i = 0; i < count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TSqlTokenKind.Word && Forbidden.Contains(token.Text) && !IsMergeHint(tokens, i, count))
                throw new ReadOnlyViolationException($"Refused: {token.Text} is not allowed here; only reading (SELECT) is allowed.");
            if (token.IsSymbol(';'))
                throw new ReadOnlyViolationException("Refused: only one statement at a time is allowed.");
            if (token.IsSymbol('(')) depth++;
            else if (token.IsSymbol(')')) depth--;
            else if (depth == 0 && token.IsWord("SELECT") && !FollowsSetOperator(tokens, i)) statements++;
        }
        if (statements != 1)
            throw new ReadOnlyViolationException("Refused: only one statement at a time is allowed.");
    }

    private static bool FollowsSetOperator(IReadOnlyList<TSqlToken> tokens, int i) =>
        i > 0 && tokens[i - 1].Kind == TSqlTokenKind.Word && SetOperators.Contains(tokens[i - 1].Text);

    // MERGE JOIN and MERGE UNION are query hints (INNER MERGE JOIN, OPTION (MERGE JOIN)), not the MERGE statement.
    private static bool IsMergeHint(IReadOnlyList<TSqlToken> tokens, int i, int count) =>
        tokens[i].IsWord("MERGE") && i + 1 < count && (tokens[i + 1].IsWord("JOIN") || tokens[i + 1].IsWord("UNION"));

    internal const string DescribeSql =
        "SELECT error_number, error_message, error_type_desc FROM sys.dm_exec_describe_first_result_set(@sql, @parameterDeclarations, 0)";

    /// <summary>The server layer: the text must compile and its first statement must return rows. The function
    /// reports problems as a row (error_number set) instead of raising them.</summary>
    private static void EnsureServerFindsResultSet(SqlConnection connection, string sql, string? parameterDeclarations)
    {
        // One row per column of the first result set; none when no statement returns rows.
        var rows = connection.Query<(int? Number, string? Message, string? Type)>(DescribeSql, new { sql, parameterDeclarations }).AsList();
        if (rows.Count == 0)
            throw new ReadOnlyViolationException("Refused: this statement returns no rows; only reading (SELECT) is allowed here.");
        if (rows[0].Number is not null)
            throw new ReadOnlyViolationException($"Refused: SQL Server could not check this statement ({rows[0].Type}): {rows[0].Message}");
    }
}
