using Dapper;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Snapshots;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Warehouse;

public sealed class SqliteDossierLoadPathTests : DossierLoadPathTests<SqliteProvider>
{
    private const string SecondaryIndexes =
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'fact_dossier' AND sql IS NOT NULL ORDER BY name";

    /// <summary>Enough new dossiers for the load to drop fact_dossier's secondary indexes and build them at the end.</summary>
    private const int Large = 60_000;

    [Fact]
    public async Task LoadDossiers_LargeFirstLoad_LeavesTheIndexesAsTheyWereAndUsable()
    {
        await using var w = await InitializedAsync();
        await using var c = await w.OpenAsync();
        var before = (await c.QueryAsync<(string, string)>(SecondaryIndexes)).ToList();

        var result = await Service(w).LoadDossiersAsync(File(), Valid(Many(Large).ToArray()));

        Assert.Equal(Large, result.Inserted);
        Assert.Equal(3, before.Count);
        Assert.Equal(before, await c.QueryAsync<(string, string)>(SecondaryIndexes));
        Assert.Equal("ok", await c.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        // The rebuilt index holds every row: a count through it equals the table's.
        Assert.Equal(Large / 3, await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM fact_dossier INDEXED BY ix_fact_dossier_agency_received " +
            "WHERE agency_key = (SELECT agency_key FROM fact_dossier WHERE dossier_code = 'M-000001') AND received_date_key > 0"));
    }

    [Fact]
    public async Task LoadDossiers_LargeLoadFailsAfterTheIndexesWereDropped_NothingOfItStaysAndTheIndexesDo()
    {
        await using var w = await InitializedAsync();
        await using var c = await w.OpenAsync();
        var before = (await c.QueryAsync<(string, string)>(SecondaryIndexes)).ToList();

        // The reader fails on the line after 55,000 good ones (on its own thread: the error must reach the load).
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Service(w).LoadDossiersAsync(File(), FailingAfter(55_000)));

        Assert.Contains("line 55002", error.Message);
        Assert.Equal(before, await c.QueryAsync<(string, string)>(SecondaryIndexes));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_snapshot"));
    }

    [Fact]
    public async Task LoadDossiers_LargeLoadCancelledAfterTheIndexesWereDropped_NothingOfItStaysAndTheFileLoadsAfter()
    {
        await using var w = await InitializedAsync();
        await using var c = await w.OpenAsync();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Service(w).LoadDossiersAsync(File(), CancellingAfter(55_000, cancel), ct: cancel.Token));

        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_snapshot"));
        Assert.Equal(Large, (await Service(w).LoadDossiersAsync(File(), Valid(Many(Large).ToArray()))).Inserted);
    }

    [Fact]
    public async Task LoadDossiers_LargeSnapshotOfDossiersMostlyKnown_StagesTheKnownOnesAndInsertsTheNew()
    {
        await using var w = await InitializedAsync();
        await using var c = await w.OpenAsync();
        await Service(w).LoadDossiersAsync(File(hash: "s1", asOf: "2026-10-05T17:00:00"), Valid(Many(Large).ToArray()));

        // The same dossiers a week later, every tenth one finished since, and 5,000 new ones among them.
        var finishedAt = new DateTime(2026, 10, 9, 15, 0, 0);
        var later = Many(Large + 5_000).Select((d, i) => i % 10 == 0 && d.FinishedAt is null ? d with { FinishedAt = finishedAt, Status = 10 } : d)
            .ToArray();
        var result = await Service(w).LoadDossiersAsync(File(hash: "s2", asOf: "2026-10-12T17:00:00"), Valid(later));

        var finished = Enumerable.Range(0, Large).Count(i => i % 4 == 0 && i % 10 == 0);
        Assert.Equal((5_000L, (long)finished, (long)(Large - finished)), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal(Large + 5_000L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
        Assert.Equal(later.Count(d => d.FinishedAt == finishedAt), await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM fact_dossier WHERE finished_at = '2026-10-09T15:00:00' AND last_snapshot_id = 2"));
    }

    [Fact]
    public async Task LoadDigitization_RecordsOfMostDossiers_QueueTheSpanOfAllDossiersAndTheAsOf()
    {
        await using var w = await InitializedAsync();
        await Service(w).LoadDossiersAsync(File(hash: "d1"), Valid(ThreeDossiers));

        var result = await Service(w).LoadDigitizationAsync(File(source: "digitization", hash: "g1"),
            Valid(Digitization("D-1"), Digitization("D-3")));

        // Two records of three dossiers: theirs span 05/01–05/06; what is queued is every dossier's span and the as-of day.
        Assert.Equal((20260105L, 20261120L), await QueuedDaysAsync(w, result.SnapshotId));
    }

    /// <summary>Good rows; after <paramref name="good"/> of them the load is cancelled, as a stopping job would.</summary>
    private static IEnumerable<RowOutcome<DossierRecord>> CancellingAfter(int good, CancellationTokenSource cancel)
    {
        var rows = Valid(Many(good + 1_000).ToArray()).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i == good) cancel.Cancel();
            yield return rows[i];
        }
    }

    private static IEnumerable<RowOutcome<DossierRecord>> FailingAfter(int good)
    {
        foreach (var row in Valid(Many(good).ToArray())) yield return row;
        throw new InvalidDataException($"onestop.csv, line {good + 2}: the disk went away");
    }

    private static IEnumerable<DossierRecord> Many(int count) =>
        Enumerable.Range(0, count).Select(i => Dossier($"M-{i:000000}", $"2026-0{1 + i % 9}-1{i % 10}T08:00:00",
            due: "2026-10-30T17:00:00", finished: i % 4 == 0 ? null : "2026-10-20T10:00:00", status: i % 4 == 0 ? 4 : 10,
            agency: (i % 3) switch { 0 => "TNI.SYT", 1 => "TNI.STC", _ => "TNI.STP" }));
}

public sealed class SqlServerDossierLoadPathTests : DossierLoadPathTests<SqlServerProvider>;

/// <summary>How a one-stop snapshot becomes facts and dimension members, whichever way the dialect takes (SQLite inserts new
/// dossiers straight and resolves keys in memory; SQL Server stages every row and merges in SQL): the same outcome.</summary>
public abstract class DossierLoadPathTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    protected static IngestService Service(ITestWarehouse w) => new(w.Database, ReferenceFiles.Default());

    [ProviderFact]
    public async Task LoadDossiers_NewDossierTwiceInOneFile_TheLaterLineWinsAndIsCountedOnce()
    {
        await using var w = await InitializedAsync();

        var result = await Service(w).LoadDossiersAsync(File(), Valid(
            Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", status: 4),
            Dossier("B-1", "2026-10-02T08:00:00"),
            Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-09T10:00:00"),
            Dossier("B-1", "2026-10-02T08:00:00")));

        Assert.Equal((4L, 2L, 0L, 1L, 1L), (result.Read, result.Inserted, result.Updated, result.Unchanged, result.Superseded));
        await using var c = await w.OpenAsync();
        Assert.Equal((10L, 20261009L), await c.QuerySingleAsync<(long, long)>(
            "SELECT status, end_date_key FROM fact_dossier WHERE dossier_code = 'A-1'"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier_history"));

        await new SnapshotReverter(w.Database).RevertAsync(result.SnapshotId);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
    }

    [ProviderFact]
    public async Task LoadDossiers_ProceduresNamedDifferentlyByRows_TakeTheGreatestAndAChangeOfAnOldOneIsRevertible()
    {
        await using var w = await InitializedAsync();
        await Service(w).LoadDossiersAsync(File(hash: "s1", asOf: "2026-10-05T17:00:00"),
            Valid(Dossier("A-1", "2026-10-01T08:00:00", procedure: "P.OLD") with { ProcedureName = "Cấp A", OnlineService = "mot_phan" }));

        var second = await Service(w).LoadDossiersAsync(File(hash: "s2", asOf: "2026-10-12T17:00:00"), Valid(
            Dossier("A-2", "2026-10-06T08:00:00", procedure: "P.OLD") with { ProcedureName = "Cấp B", OnlineService = "toan_trinh" },
            Dossier("A-3", "2026-10-07T08:00:00", procedure: "P.OLD") with { ProcedureName = "Cấp A", OnlineService = "toan_trinh" },
            Dossier("N-1", "2026-10-07T08:00:00", procedure: "P.NEW", agency: "TNI.MOI") with { ProcedureName = "Y", FieldCode = "F.NEW", FieldName = "Lĩnh vực 1" },
            Dossier("N-2", "2026-10-08T08:00:00", procedure: "P.NEW", agency: "TNI.MOI") with { ProcedureName = "Z", FieldCode = "F.NEW", FieldName = "Lĩnh vực 2", AgencyName = "Sở Mới" }));

        await using var c = await w.OpenAsync();
        const string Procedure = "SELECT procedure_name, online_service FROM dim_procedure WHERE procedure_code = @code";
        Assert.Equal(("Cấp B", "toan_trinh"), await c.QuerySingleAsync<(string, string)>(Procedure, new { code = "P.OLD" }));
        Assert.Equal("Z", await c.ExecuteScalarAsync<string>("SELECT procedure_name FROM dim_procedure WHERE procedure_code = 'P.NEW'"));
        Assert.Equal("Lĩnh vực 2", await c.ExecuteScalarAsync<string>("SELECT field_name FROM dim_field WHERE field_code = 'F.NEW'"));
        Assert.Equal(("Sở Mới", 1L), await c.QuerySingleAsync<(string, long)>(
            "SELECT agency_name, is_inferred FROM dim_agency WHERE agency_code = 'TNI.MOI'"));
        Assert.Equal(2L, await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM fact_dossier f JOIN dim_agency a ON a.agency_key = f.agency_key " +
            "JOIN dim_procedure p ON p.procedure_key = f.procedure_key WHERE a.agency_code = 'TNI.MOI' AND p.procedure_code = 'P.NEW'"));
        // Only the procedure that existed before the snapshot has a prior version to put back.
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_procedure_history"));

        await new SnapshotReverter(w.Database).RevertAsync(second.SnapshotId);
        Assert.Equal(("Cấp A", "mot_phan"), await c.QuerySingleAsync<(string, string)>(Procedure, new { code = "P.OLD" }));
    }

    [ProviderFact]
    public async Task LoadDigitization_RecordsOfFewOfTheDossiers_QueueTheirDossiersDaysOnly()
    {
        await using var w = await InitializedAsync();
        await Service(w).LoadDossiersAsync(File(hash: "d1"), Valid(ThreeDossiers));

        var result = await Service(w).LoadDigitizationAsync(File(source: "digitization", hash: "g1"), Valid(Digitization("D-2")));

        Assert.Equal((20260302L, 20260310L), await QueuedDaysAsync(w, result.SnapshotId));
    }

    [ProviderFact]
    public async Task LoadDigitization_NewRecordTwiceInOneFile_TheLaterLineWinsAndTheDossiersDaysAreQueued()
    {
        await using var w = await InitializedAsync();
        await Service(w).LoadDossiersAsync(File(hash: "d1"),
            Valid(Dossier("D-1", "2026-03-02T08:00:00", due: "2026-03-20T17:00:00", finished: "2026-03-10T10:00:00")));

        var result = await Service(w).LoadDigitizationAsync(File(source: "digitization", hash: "g1"), Valid(
            Digitization("D-1", digitized: 1),
            Digitization("X-9", agency: "TNI.MOI2"),
            Digitization("D-1", digitized: 2)));

        Assert.Equal((3L, 2L, 1L), (result.Read, result.Inserted, result.Superseded));
        await using var c = await w.OpenAsync();
        Assert.Equal(2L, await c.ExecuteScalarAsync<long>("SELECT documents_digitized FROM fact_digitization WHERE dossier_code = 'D-1'"));
        Assert.Equal(("TNI.MOI2", 1L), await c.QuerySingleAsync<(string, long)>(
            "SELECT agency_name, is_inferred FROM dim_agency WHERE agency_code = 'TNI.MOI2'"));
        // From D-1's received day to the as-of day (X-9 has no dossier yet: it counts up to the as-of).
        Assert.Equal((20260302L, 20261120L), await c.QuerySingleAsync<(long, long)>(
            "SELECT MIN(from_date_key), MAX(to_date_key) FROM etl_rebuild_queue WHERE snapshot_id = @id", new { id = result.SnapshotId }));

        await new SnapshotReverter(w.Database).RevertAsync(result.SnapshotId);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_digitization"));
    }

    /// <summary>Received 05/01, 02/03 and 01/06/2026, each finished a few days later.</summary>
    protected static readonly DossierRecord[] ThreeDossiers =
    [
        Dossier("D-1", "2026-01-05T08:00:00", due: "2026-01-20T17:00:00", finished: "2026-01-10T10:00:00"),
        Dossier("D-2", "2026-03-02T08:00:00", due: "2026-03-20T17:00:00", finished: "2026-03-10T10:00:00"),
        Dossier("D-3", "2026-06-01T08:00:00", due: "2026-06-20T17:00:00", finished: "2026-06-05T10:00:00"),
    ];

    protected static async Task<(long From, long To)> QueuedDaysAsync(ITestWarehouse w, long snapshotId)
    {
        await using var c = await w.OpenAsync();
        return await c.QuerySingleAsync<(long, long)>(
            "SELECT MIN(from_date_key), MAX(to_date_key) FROM etl_rebuild_queue WHERE snapshot_id = @snapshotId", new { snapshotId });
    }
}
