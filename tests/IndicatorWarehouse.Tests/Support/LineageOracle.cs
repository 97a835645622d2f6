using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>The lineage series as mart_indicator_lineage computed it at every read before the build wrote it
/// (issue 18): the view of migration 011, as that migration holds it, created here under another name so the
/// series the build writes can be compared with it row for row.</summary>
public static partial class LineageOracle
{
    private const string Columns =
        "agency_code, period_code, indicator_code, unit, numerator, denominator, value, units_combined, is_estimate, estimate_note";

    /// <summary>Creates the oracle view on <paramref name="connection"/> (SQLite: a temp view of this connection).</summary>
    public static async Task CreateAsync(DbConnection connection, string dialect)
    {
        var migration = SqlScripts.Get(dialect, "011_lineage_by_field.sql");
        var body = OldView().Match(migration) is { Success: true } m
            ? m.Groups["body"].Value
            : throw new InvalidOperationException($"{dialect}/011_lineage_by_field.sql no longer ends with mart_indicator_lineage's definition");
        var create = dialect == "sqlite" ? "CREATE TEMP VIEW lineage_oracle AS" : "CREATE VIEW dbo.lineage_oracle AS";
        await connection.ExecuteAsync(create + body);
    }

    /// <summary>Rows of the series the build wrote that the oracle does not have, and the other way round.</summary>
    public static async Task<(long Extra, long Missing)> DifferencesAsync(DbConnection connection) =>
        await connection.QuerySingleAsync<(long, long)>($"""
            SELECT (SELECT COUNT(*) FROM (SELECT {Columns} FROM mart_indicator_lineage EXCEPT SELECT {Columns} FROM lineage_oracle) x),
                   (SELECT COUNT(*) FROM (SELECT {Columns} FROM lineage_oracle EXCEPT SELECT {Columns} FROM mart_indicator_lineage) y)
            """);

    [GeneratedRegex(@"CREATE VIEW (?:dbo\.)?mart_indicator_lineage AS(?<body>.*);\s*\z", RegexOptions.Singleline)]
    private static partial Regex OldView();
}
