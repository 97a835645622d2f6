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
    public async Task<MigrationReport> MigrateAsync(DbConnection connection, CancellationToken ct = default)
    {
        await connection.ExecuteAsync(SqlScripts.Get(dialect.Name, "runner/create_version_table.sql"));
        var applied = (await connection.QueryAsync<(long Version, string Checksum)>(
                "SELECT version, checksum FROM etl_schema_version"))
            .ToDictionary(r => (int)r.Version, r => r.Checksum);

        var newlyApplied = new List<MigrationScript>();
        foreach (var migration in SqlScripts.Migrations(dialect.Name))
        {
            var checksum = Checksum(migration.Sql);
            if (applied.TryGetValue(migration.Version, out var known))
            {
                if (known != checksum)
                    throw new InvalidOperationException(
                        $"Migration {migration.Version:000}_{migration.Name} was changed after it was applied " +
                        "(checksum differs). Add a new migration instead of editing an applied one.");
                continue;
            }

            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var batch in dialect.SplitBatches(migration.Sql))
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: tx, cancellationToken: ct));
            await connection.ExecuteAsync(
                "INSERT INTO etl_schema_version (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @AppliedAt)",
                new { migration.Version, migration.Name, Checksum = checksum, AppliedAt = DateTime.UtcNow.ToString("O") }, tx);
            await tx.CommitAsync(ct);
            newlyApplied.Add(migration);
        }
        return new MigrationReport(applied.Count, newlyApplied.Select(m => $"{m.Version:000}_{m.Name}").ToList());
    }

    private static string Checksum(string sql) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
}

/// <summary>How many migrations were already applied and which ones this run applied.</summary>
public sealed record MigrationReport(int AlreadyApplied, IReadOnlyList<string> Applied);
