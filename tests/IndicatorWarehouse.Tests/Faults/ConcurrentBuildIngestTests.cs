using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Faults.WarehouseChecks;

namespace IndicatorWarehouse.Tests.Faults;

/// <summary>`iw build` and `iw ingest` at the same time on one SQLite file: WAL and the busy timeout make the later
/// writer wait, so neither fails, and what the load changed is never lost to the build running beside it.</summary>
public sealed class ConcurrentBuildIngestTests
{
    private const int Rounds = 3, RowsPerLoad = 15_000;

    [Fact]
    public async Task BuildAndIngest_RunTogetherRepeatedly_BothSucceedAndTheMeasuresEqualACleanRebuild()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        await using var reference = await TempWarehouse.InitializedAsync();
        var first = await IwProcess.RunAsync(Ingest(w, await File(w, 0)));
        Assert.True(first.ExitCode == 0, first.Stderr);

        for (var round = 1; round <= Rounds; round++)
        {
            // Each load updates half of the previous file's dossiers and adds as many new ones.
            var file = await File(w, round);
            using var build = IwProcess.Start("build", "--all", "--db", w.DbPath);
            using var load = IwProcess.Start(Ingest(w, file));
            var outputs = await Task.WhenAll(OutputOf(build), OutputOf(load));

            Assert.True(build.ExitCode == 0, $"round {round}, build: {outputs[0]}");
            Assert.True(load.ExitCode == 0, $"round {round}, ingest: {outputs[1]}");
        }
        // Whatever the last load changed after the last build started is still queued: an ordinary build picks it up.
        var catchUp = await IwProcess.RunAsync("build", "--db", w.DbPath);
        Assert.True(catchUp.ExitCode == 0, catchUp.Stderr);

        await AssertConsistentAsync(w.DbPath);
        Assert.Equal((Rounds + 2) * RowsPerLoad / 2, await ScalarAsync(w.DbPath, "SELECT COUNT(*) FROM fact_dossier"));
        Assert.Equal(0, await ScalarAsync(w.DbPath, "SELECT COUNT(*) FROM etl_rebuild_queue"));
        // A build that found nothing queued (the other process had not committed yet) is recorded 'skipped': that is no error.
        Assert.Equal(0, await ScalarAsync(w.DbPath, "SELECT COUNT(*) FROM etl_run WHERE state NOT IN ('succeeded', 'skipped')"));

        // The same loads one after another, then one full build: every measure must come out the same.
        for (var round = 0; round <= Rounds; round++)
            Assert.Equal(0, (await IwProcess.RunAsync(Ingest(reference, Path.Combine(w.Directory, $"onestop-{round}.csv")))).ExitCode);
        Assert.Equal(0, (await IwProcess.RunAsync("build", "--all", "--db", reference.DbPath)).ExitCode);
        Assert.True(await ScalarAsync(w.DbPath, "SELECT COUNT(*) FROM fact_indicator_value") > 0);
        Assert.Equal(0, await DifferingValuesAsync(w.DbPath, reference.DbPath));
    }

    private static Task<string> File(TempWarehouse w, int round) =>
        OnestopFile.WriteAsync(Path.Combine(w.Directory, $"onestop-{round}.csv"), RowsPerLoad, round * RowsPerLoad / 2, version: round);

    private static string[] Ingest(TempWarehouse w, string file) => ["ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", w.DbPath];

    private static async Task<string> OutputOf(System.Diagnostics.Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await stdout + stderr;
    }
}
