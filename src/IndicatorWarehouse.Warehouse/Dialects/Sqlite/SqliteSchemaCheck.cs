using Dapper;
using IndicatorWarehouse.Warehouse.Migrations;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>Whether a warehouse file really holds the schema its <c>etl_schema_version</c> claims: every table and view
/// the same migrations make on an empty database, each with all its columns (a view must also still be readable).
/// Extra objects are left alone.</summary>
internal static class SqliteSchemaCheck
{
    public static async Task<IReadOnlyList<string>> MissingAsync(SqliteConnection copy, CancellationToken ct)
    {
        var through = await copy.ExecuteScalarAsync<int>(new CommandDefinition("SELECT MAX(version) FROM etl_schema_version", cancellationToken: ct));
        await using var reference = new SqliteConnection("Data Source=:memory:");
        await reference.OpenAsync(ct);
        await new MigrationRunner(new SqliteDialect()).MigrateAsync(reference, ct, through);
        var missing = new List<string>();
        foreach (var (type, name) in await ObjectsAsync(reference, ct))
        {
            var expected = await ColumnsAsync(reference, name, ct);
            IReadOnlyList<string> present;
            try
            {
                present = await ColumnsAsync(copy, name, ct);
            }
            catch (SqliteException e)
            {
                missing.Add($"{type} {name} ({e.Message})");
                continue;
            }
            if (present.Count == 0) missing.Add($"{type} {name}");
            else missing.AddRange(expected.Except(present, StringComparer.OrdinalIgnoreCase).Select(column => $"{type} {name}.{column}"));
        }
        return missing;
    }

    private static async Task<IReadOnlyList<(string Type, string Name)>> ObjectsAsync(SqliteConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
            cancellationToken: ct))).ToList();

    private static async Task<IReadOnlyList<string>> ColumnsAsync(SqliteConnection connection, string name, CancellationToken ct) =>
        (await connection.QueryAsync<string>(new CommandDefinition("SELECT name FROM pragma_table_info(@name)", new { name }, cancellationToken: ct))).ToList();
}
