using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Warehouse.Dialects;
using IndicatorWarehouse.Warehouse.Snapshots;

namespace IndicatorWarehouse.Warehouse.Loading;

/// <summary>Loads one snapshot in one transaction: rows stream into a staging table (bad rows into quarantine),
/// then the dialect's set-based steps merge staging into the dimensions and facts. A crash or a rejected file
/// rolls everything back, so a snapshot is loaded whole or not at all; the same content twice is a no-op.</summary>
public sealed class SnapshotLoader(WarehouseDatabase database)
{
    private static readonly string[] QuarantineColumns =
        ["snapshot_id", "source", "file_name", "line_no", "record_key", "field", "reason", "raw_record", "created_at"];

    public async Task<SnapshotResult?> FindLoadedAsync(SnapshotFile file, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var loaded = await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT snapshot_id FROM etl_snapshot WHERE source = @Source AND file_hash = @FileHash AND reverted_at IS NULL", file);
        return loaded is { } id ? new SnapshotResult(id, true, 0, 0, 0, 0, 0, 0, TimeSpan.Zero) : null;
    }

    public async Task<SnapshotResult> LoadAsync(SnapshotFile file, LoadTarget target, IEnumerable<StagedRow> rows,
        IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var inForce = await FindLoadedAsync(file, ct);
        if (inForce is not null && !file.Reload) return inForce;
        try
        {
            return await LoadNewAsync(file, target, rows, inForce?.SnapshotId, progress, ct);
        }
        catch (DbException) when (!file.Reload)
        {
            // The same file loaded by another process meanwhile (its snapshot's unique hash refused this one's): the
            // answer is the one a load run after it gets.
            if (await FindLoadedAsync(file, CancellationToken.None) is { } loaded) return loaded;
            throw;
        }
    }

    /// <summary>The load itself, in one transaction; a reload first reverts the snapshot in force of the same file in
    /// that transaction and settles that snapshot's quarantine entries, so a failed reload leaves the first one as it was.</summary>
    private async Task<SnapshotResult> LoadNewAsync(SnapshotFile file, LoadTarget target, IEnumerable<StagedRow> rows, long? replaces,
        IProgress<long>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var steps = SqlScripts.Steps(database.Dialect.Name, target.Script);
        var loadedAt = WholeSeconds(database.Clock.Now);
        var now = Iso(loadedAt);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (replaces is { } replaced)
            await new SnapshotReverter(database).RevertWithinAsync(connection, tx, replaced, cascade: false, ct);

        var snapshotId = await connection.ExecuteScalarAsync<long>(database.Script("load/insert_snapshot.sql"), new
        {
            file.Source, file.FileName, file.FileHash, file.Profile, AsOf = Iso(file.AsOf), LoadedAt = now, file.CodeVersion, file.RuleSetId,
        }, tx);
        var parameters = new
        {
            snapshot_id = snapshotId, as_of = Iso(file.AsOf), as_of_key = DateKey.Of(file.AsOf), now,
            source = file.Source, file_name = file.FileName,
        };
        Task<int> Step(string name) => StepTrace.TimeAsync(name, () =>
            connection.ExecuteAsync(new CommandDefinition(steps[name], parameters, tx, commandTimeout: 0, cancellationToken: ct)));

        await Step("create_staging");
        var stageClock = Stopwatch.StartNew();
        var stamp = new SnapshotStamp(snapshotId, parameters.as_of, parameters.as_of_key, now);
        var (read, quarantined, direct) = await StageAsync(connection, tx, file, target, stamp, loadedAt, rows, progress, ct);
        StepTrace.Write($"staging {read:N0} rows ({direct:N0} straight into the fact table): {stageClock.ElapsedMilliseconds} ms");
        long superseded = 0;
        foreach (var name in steps.Keys.Where(k => k is not ("create_staging" or "count_actions" or "drop_staging")))
        {
            if (name == "drop_duplicates") superseded = await CountSupersededAsync(connection, tx, target, ct);
            await Step(name);
        }
        var actions = (await connection.QueryAsync<(string Action, long N)>(steps["count_actions"], parameters, tx))
            .ToDictionary(a => a.Action, a => a.N);
        await Step("drop_staging");

        // Lines superseded by a later line of the same record in this file with the same content count as unchanged;
        // with other content, as superseded. A repeat (R) is a later line of a record this load inserted straight into
        // the fact table with other content: it supersedes that first line.
        var repeats = actions.GetValueOrDefault("R");
        var dropped = read - quarantined - direct - actions.Values.Sum();
        var result = new SnapshotResult(snapshotId, false, read, direct + actions.GetValueOrDefault("I"), actions.GetValueOrDefault("U"),
            actions.GetValueOrDefault("N") + dropped - superseded, actions.GetValueOrDefault("S"), quarantined,
            clock.Elapsed) { Superseded = superseded + repeats };
        await connection.ExecuteAsync(
            "UPDATE etl_snapshot SET rows_read = @Read, rows_inserted = @Inserted, rows_updated = @Updated, " +
            "rows_unchanged = @Unchanged, rows_quarantined = @Quarantined WHERE snapshot_id = @SnapshotId", result, tx);
        if (replaces is not null)
            await connection.ExecuteAsync(
                "UPDATE etl_quarantine SET resolved_at = @now, resolved_by_snapshot_id = @snapshot_id WHERE snapshot_id = @replaces AND resolved_at IS NULL",
                new { now, snapshot_id = snapshotId, replaces }, tx);
        await tx.CommitAsync(ct);
        return result with { Elapsed = clock.Elapsed, Replaced = replaces };
    }

    /// <summary>Streams the rows, read a batch ahead on another thread: valid ones straight into the fact table where the
    /// dialect can (<see cref="ISqlDialect.CreateDirectInsertAsync"/>), else into staging; the others into quarantine.</summary>
    private async Task<(long Read, long Quarantined, long Direct)> StageAsync(DbConnection connection, DbTransaction tx, SnapshotFile file,
        LoadTarget target, SnapshotStamp stamp, DateTime loadedAt, IEnumerable<StagedRow> rows, IProgress<long>? progress, CancellationToken ct)
    {
        var dialect = database.Dialect;
        await using var staging = dialect.CreateBulkWriter(connection, tx, dialect.StagingTable(target.StagingName), ["line_no", .. target.Columns]);
        await using var quarantine = dialect.CreateBulkWriter(connection, tx, "etl_quarantine", QuarantineColumns);
        var direct = await dialect.CreateDirectInsertAsync(connection, tx, target, stamp, ct);
        long read = 0, quarantined = 0, inserted = 0;

        // The valid rows as staged rows, in one array reused row after row; the others go to quarantine as they pass.
        async IAsyncEnumerable<object?[]> Valid()
        {
            var staged = new object?[target.Columns.Count + 1];
            foreach (var row in ReadAhead.Of(rows))
            {
                ct.ThrowIfCancellationRequested();
                if (++read % 50_000 == 0) progress?.Report(read);
                if (row.Values is { } values)
                {
                    staged[0] = row.Line;
                    Array.Copy(values, 0, staged, 1, values.Length);
                    yield return staged;
                }
                else
                {
                    quarantined++;
                    await quarantine.WriteAsync([stamp.SnapshotId, file.Source, file.FileName, row.Line, row.RecordKey, row.ProblemField,
                        row.ProblemReason, row.RawJson, loadedAt], ct);
                }
            }
        }

        if (direct is not null) inserted = await direct.InsertAsync(Valid(), staging, ct);
        else await foreach (var staged in Valid()) await staging.WriteAsync(staged, ct);
        await staging.CompleteAsync(ct);
        await quarantine.CompleteAsync(ct);
        progress?.Report(read);
        return (read, quarantined, inserted);
    }

    /// <summary>Staged lines that a later line of the same record replaces with different content. Run after the
    /// script's index_staging step (the key's index makes it one lookup per line). The SQL is the same on every database:
    /// null-safe equality written out instead of SQLite's IS.</summary>
    private Task<long> CountSupersededAsync(DbConnection connection, DbTransaction tx, LoadTarget target, CancellationToken ct)
    {
        var sql = SupersededSql(database.Dialect, target);
        return StepTrace.TimeAsync("count_superseded",
            () => connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, transaction: tx, commandTimeout: 0, cancellationToken: ct)));
    }

    /// <summary>The text of <see cref="CountSupersededAsync"/>, built from the target's columns (the T-SQL check reads it here).</summary>
    internal static string SupersededSql(ISqlDialect dialect, LoadTarget target)
    {
        var table = dialect.StagingTable(target.StagingName);
        var sameKey = string.Join(" AND ", target.Key.Select(k => $"l.{k} = s.{k}"));
        var sameContent = string.Join(" AND ", target.Columns.Except(target.Key).Select(c => $"(l.{c} = s.{c} OR (l.{c} IS NULL AND s.{c} IS NULL))"));
        return $"SELECT COUNT(*) FROM {table} s WHERE EXISTS (SELECT 1 FROM {table} l WHERE {sameKey} AND l.line_no > s.line_no AND NOT ({sameContent}))";
    }

    private static string Iso(DateTime t) => IsoTime.Text(t);

    // Bulk-written timestamps go as DateTime (SQLite's writer formats them as Iso does; SQL Server's keeps the
    // type): cut to the second, so the quarantine's created_at equals the snapshot's loaded_at on both.
    private static DateTime WholeSeconds(DateTime t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));
}
