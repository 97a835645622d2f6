using System.Data.Common;
using Dapper;

namespace IndicatorWarehouse.Warehouse.Snapshots;

/// <summary>The script that undoes one snapshot of a source (<c>sql/&lt;dialect&gt;/revert/…</c>): a preview and a
/// conflict query the reverter reads, then the steps it runs in file order.</summary>
internal sealed class RevertScript
{
    public const string Preview = "preview", LaterSnapshots = "later_snapshots";

    private RevertScript(IReadOnlyDictionary<string, string> steps) => Steps = steps;

    public IReadOnlyDictionary<string, string> Steps { get; }

    /// <summary>The steps that change the warehouse, in order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Changes => Steps.Where(s => s.Key is not (Preview or LaterSnapshots));

    public static RevertScript For(WarehouseDatabase database, string source) => new(SqlScripts.Steps(database.Dialect.Name, source switch
    {
        "onestop" => "revert/dossier.sql",
        "pakn" => "revert/pakn.sql",
        "digitization" => "revert/digitization.sql",
        "targets" => "revert/target.sql",
        "figures" => "revert/figure.sql",
        _ => throw new NotSupportedException($"Lô nguồn '{source}' không hoàn tác được / snapshots of source '{source}' cannot be reverted."),
    }));

    /// <summary>Snapshots loaded after <paramref name="snapshotId"/> that changed its records since, oldest first.</summary>
    public async Task<IReadOnlyList<long>> LaterSnapshotsAsync(DbConnection connection, DbTransaction? tx, long snapshotId, CancellationToken ct) =>
        (await connection.QueryAsync<long>(new CommandDefinition(Steps[LaterSnapshots], new { snapshot_id = snapshotId }, tx, cancellationToken: ct))).ToList();

    public async Task<(long Inserted, long Replaced)> PreviewAsync(DbConnection connection, long snapshotId, CancellationToken ct) =>
        await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(Steps[Preview], new { snapshot_id = snapshotId }, cancellationToken: ct));
}
