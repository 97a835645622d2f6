using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using IndicatorWarehouse.Warehouse.Dialects;

namespace IndicatorWarehouse.Warehouse.Migrations;

/// <summary>Applies the numbered migrations of a dialect that the database has not seen yet, each in its
/// own transaction, and records them in <c>etl_schema_version</c>. An applied script that was edited
/// afterwards is an error: the schema would no longer match its history.</summary>
public sealed class MigrationRunner(ISqlDialect dialect)
{
    /// <param name="throughVersion">the last migration to apply (all when null): what a schema that old looks like</param>
    public async Task<MigrationReport> MigrateAsync(DbConnection connection, CancellationToken ct = default, int? throughVersion = null)
    {
        await connection.ExecuteAsync(SqlScripts.Get(dialect.Name, "runner/create_version_table.sql"));
        var state = await InspectAsync(connection, ct);
        if (state.Changed.Count > 0)
            throw new InvalidOperationException(
                $"Migration {state.Changed[0]} was changed after it was applied " +
                "(checksum differs). Add a new migration instead of editing an applied one.");

        var newlyApplied = new List<MigrationScript>();
        foreach (var migration in SqlScripts.Migrations(dialect.Name).Where(m => state.Pending.Contains(Label(m)) && m.Version <= (throughVersion ?? int.MaxValue)))
        {
            await dialect.ApplySchemaChangeAsync(connection, async tx =>
            {
                foreach (var batch in dialect.SplitBatches(migration.Sql))
                    await connection.ExecuteAsync(new CommandDefinition(batch, transaction: tx, cancellationToken: ct));
                await connection.ExecuteAsync(
                    "INSERT INTO etl_schema_version (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt)",
                    new { migration.Version, migration.Name, Checksum = Checksum(migration.Sql), AppliedAt = DateTime.UtcNow.ToString("O") }, tx);
            }, ct);
            newlyApplied.Add(migration);
        }
        return new MigrationReport(state.Applied, newlyApplied.Select(Label).ToList());
    }

    /// <summary>How the migrations recorded in a database (whose <c>etl_schema_version</c> exists) compare with this
    /// build's, changing nothing: what a backup about to be restored is checked with.</summary>
    public async Task<SchemaState> InspectAsync(DbConnection connection, CancellationToken ct = default)
    {
        var recorded = (await connection.QueryAsync<(long Version, string Checksum)>(
                new CommandDefinition("SELECT version, checksum FROM etl_schema_version", cancellationToken: ct)))
            .ToDictionary(r => (int)r.Version, r => r.Checksum);
        var known = SqlScripts.Migrations(dialect.Name);
        return new SchemaState(
            recorded.Count,
            known.Where(m => !recorded.ContainsKey(m.Version)).Select(Label).ToList(),
            recorded.Keys.Where(v => known.All(m => m.Version != v)).Order().ToList(),
            known.Where(m => recorded.TryGetValue(m.Version, out var c) && c != Checksum(m.Sql)).Select(Label).ToList());
    }

    private static string Label(MigrationScript m) => $"{m.Version:000}_{m.Name}";

    private static string Checksum(string sql) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
}

/// <summary>How many migrations were already applied and which ones this run applied.</summary>
public sealed record MigrationReport(int AlreadyApplied, IReadOnlyList<string> Applied);

/// <summary>A database's schema against this build: migrations it has, those this build would still apply, versions
/// this build does not know (a newer build made it), and applied scripts whose text has changed since.</summary>
public sealed record SchemaState(int Applied, IReadOnlyList<string> Pending, IReadOnlyList<int> Unknown, IReadOnlyList<string> Changed);
