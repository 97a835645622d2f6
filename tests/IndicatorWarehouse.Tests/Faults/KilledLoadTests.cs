using System.Diagnostics;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Faults.WarehouseChecks;

namespace IndicatorWarehouse.Tests.Faults;

/// <summary>kill -9 at random points of a run of loads: the warehouse stays consistent after every kill, every
/// load run again afterwards succeeds, and the end state equals that of the same loads run cleanly.</summary>
public sealed class KilledLoadTests
{
    // Twenty overlapping files: each repeats half of the previous one's dossiers in a later state, so a load both
    // inserts and updates, and a row lost or doubled by a kill shows in the final comparison.
    private const int Loads = 20, RowsPerLoad = 20_000, Stride = RowsPerLoad / 2;

    [Fact]
    public async Task Ingest_KilledAtRandomPointsOfTwentyLoads_EveryRerunSucceedsAndNoRowIsLostOrDoubled()
    {
        await using var clean = await TempWarehouse.InitializedAsync();
        await using var killed = await TempWarehouse.InitializedAsync();
        var files = new List<string>();
        for (var i = 0; i < Loads; i++)
            files.Add(await OnestopFile.WriteAsync(Path.Combine(clean.Directory, $"onestop-{i:00}.csv"), RowsPerLoad, i * Stride, version: i));

        var durations = new List<TimeSpan>();
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            var result = await Ingest(clean, file);
            durations.Add(clock.Elapsed);
            Assert.True(result.ExitCode == 0, result.Stderr);
        }

        var random = new Random(20261120);
        var kills = 0;
        for (var i = 0; i < Loads; i++)
        {
            using (var load = IwProcess.Start(IngestArgs(killed, files[i])))
            {
                // Anywhere from process start-up to near the commit: the clean run of the same file says how long it takes.
                // Three quarters of it, because a run on a machine that has just become quieter finishes sooner than its
                // clean twin did, and a kill after the exit tests nothing.
                await Task.Delay(durations[i] * (0.75 * random.NextDouble()));
                if (!load.HasExited)
                {
                    load.Kill(entireProcessTree: true);
                    kills++;
                }
                await load.WaitForExitAsync();
            }
            await AssertConsistentAsync(killed.DbPath);

            var rerun = await Ingest(killed, files[i]);
            Assert.True(rerun.ExitCode == 0, $"load {i} after the kill: {rerun.Stderr}");
        }

        Assert.True(kills >= Loads / 2, $"only {kills} of {Loads} loads were still running when killed: the files are too small for this machine");
        await AssertConsistentAsync(killed.DbPath);
        Assert.Equal(Loads * Stride + Stride, await ScalarAsync(killed.DbPath, "SELECT COUNT(*) FROM fact_dossier"));
        Assert.Equal(0, await DifferingDossiersAsync(killed.DbPath, clean.DbPath));
        Assert.Equal(Loads, await ScalarAsync(killed.DbPath, "SELECT COUNT(*) FROM etl_snapshot"));
        Assert.Equal(await ScalarAsync(clean.DbPath, "SELECT COUNT(*) FROM fact_dossier_history"), await ScalarAsync(killed.DbPath, "SELECT COUNT(*) FROM fact_dossier_history"));
        Assert.Equal(await ScalarAsync(clean.DbPath, "SELECT COUNT(*) FROM etl_rebuild_queue"), await ScalarAsync(killed.DbPath, "SELECT COUNT(*) FROM etl_rebuild_queue"));
    }

    private static string[] IngestArgs(TempWarehouse w, string file) => ["ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", w.DbPath];

    private static Task<IwProcess.Result> Ingest(TempWarehouse w, string file) => IwProcess.RunAsync(IngestArgs(w, file));
}
