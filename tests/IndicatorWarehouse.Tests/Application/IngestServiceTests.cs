using Dapper;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Application;

public sealed class SqliteIngestServiceTests : IngestServiceTests<SqliteProvider>;
public sealed class SqlServerIngestServiceTests : IngestServiceTests<SqlServerProvider>;

public abstract class IngestServiceTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    private static IngestService Service(ITestWarehouse w) => new(w.Database, ReferenceFiles.Default());

    [ProviderFact]
    public async Task LoadDossiers_NewRows_InsertsFactsWithDerivedDayKeysAndAuditsTheSnapshot()
    {
        await using var w = await InitializedAsync();

        var result = await Service(w).LoadDossiersAsync(File(), Valid(
            Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-09T10:00:00"),
            Dossier("A-2", "2026-10-02T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-12T10:00:00", supplements: 1, waitDays: 3)));

        Assert.Equal((2L, 2L, 0L), (result.Read, result.Inserted, result.Quarantined));
        await using var c = await w.OpenAsync();
        var rows = (await c.QueryAsync<(string Code, long Received, long End, long Deadline, long Outcome)>(
            "SELECT dossier_code, received_date_key, end_date_key, deadline_date_key, outcome FROM fact_dossier ORDER BY dossier_code")).ToList();
        Assert.Equal(("A-1", 20261001L, 20261009L, 20261010L, 1L), rows[0]);
        // Three days waiting for the citizen move the deadline from 10/10 to 13/10: finished 12/10 is early.
        Assert.Equal(("A-2", 20261002L, 20261012L, 20261013L, 1L), rows[1]);
        var audit = await c.QuerySingleAsync<(long Read, long Inserted, string Hash, string CodeVersion)>(
            "SELECT rows_read, rows_inserted, file_hash, code_version FROM etl_snapshot");
        Assert.Equal((2L, 2L, "h1", "test"), audit);
    }

    [ProviderFact]
    public async Task LoadDossiers_SameContentTwice_SecondIsANoOp()
    {
        await using var w = await InitializedAsync();
        var rows = Valid(Dossier("A-1", "2026-10-01T08:00:00"));
        await Service(w).LoadDossiersAsync(File(), rows);

        var second = await Service(w).LoadDossiersAsync(File(), rows);

        Assert.True(second.AlreadyLoaded);
        await using var c = await w.OpenAsync();
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM etl_snapshot"));
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_dossier"));
    }

    [ProviderFact]
    public async Task LoadDossiers_PendingThenFinished_LaterSnapshotUpdatesAndKeepsThePriorVersion()
    {
        await using var w = await InitializedAsync();
        await Service(w).LoadDossiersAsync(File(hash: "s1", asOf: "2026-10-05T17:00:00"),
            Valid(Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", status: 4)));

        var result = await Service(w).LoadDossiersAsync(File(hash: "s2", asOf: "2026-10-12T17:00:00"),
            Valid(Dossier("A-1", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-11T09:00:00", status: 10)));

        Assert.Equal((0L, 1L), (result.Inserted, result.Updated));
        await using var c = await w.OpenAsync();
        var row = await c.QuerySingleAsync<(long Status, long End, long Outcome, long First, long Last)>(
            "SELECT status, end_date_key, outcome, first_snapshot_id, last_snapshot_id FROM fact_dossier");
        Assert.Equal((10L, 20261011L, 3L, 1L, 2L), row);
        Assert.Contains("\"status\":4", await c.ExecuteScalarAsync<string>("SELECT row_json FROM fact_dossier_history"));
    }

    [ProviderFact]
    public async Task LoadDossiers_OlderSnapshotArrivingLate_NeverMovesADossierBack()
    {
        await using var w = await InitializedAsync();
        await Service(w).LoadDossiersAsync(File(hash: "new", asOf: "2026-10-12T17:00:00"),
            Valid(Dossier("A-1", "2026-10-01T08:00:00", finished: "2026-10-11T09:00:00", status: 10)));

        var result = await Service(w).LoadDossiersAsync(File(hash: "old", asOf: "2026-10-05T17:00:00"),
            Valid(Dossier("A-1", "2026-10-01T08:00:00", status: 4)));

        Assert.Equal((1L, 0L), (result.Stale, result.Updated));
        await using var c = await w.OpenAsync();
        Assert.Equal(10L, await c.ExecuteScalarAsync<long>("SELECT status FROM fact_dossier"));
    }

    [ProviderFact]
    public async Task LoadDossiers_BadRows_GoToQuarantineWithLineFieldAndReasonWhileGoodRowsLoad()
    {
        await using var w = await InitializedAsync();
        RowOutcome<DossierRecord>[] rows =
        [
            ValidAt(Dossier("A-1", "2026-10-01T08:00:00"), line: 2),
            Bad<DossierRecord>(3, "received_at", "'31/02/2026' is not a date", key: "A-2"),
        ];

        var result = await Service(w).LoadDossiersAsync(File(), rows);

        Assert.Equal((2L, 1L, 1L), (result.Read, result.Inserted, result.Quarantined));
        await using var c = await w.OpenAsync();
        var q = await c.QuerySingleAsync<(string File, long Line, string Key, string Field, string Reason)>(
            "SELECT file_name, line_no, record_key, field, reason FROM etl_quarantine");
        Assert.Equal(("onestop-h1.csv", 3L, "A-2", "received_at", "'31/02/2026' is not a date"), q);
    }

    [ProviderFact]
    public async Task LoadDossiers_FileRejectedMidStream_LeavesNoTraceAndTheNextLoadSucceeds()
    {
        await using var w = await InitializedAsync();
        static IEnumerable<RowOutcome<DossierRecord>> BreaksAfterTwoRows()
        {
            yield return ValidAt(Dossier("A-1", "2026-10-01T08:00:00"), 2);
            yield return Bad<DossierRecord>(3, "status", "unknown status 12");
            throw new SourceRejectedException("bad.csv", "line 4 is not valid UTF-8");
        }

        await Assert.ThrowsAsync<SourceRejectedException>(() => Service(w).LoadDossiersAsync(File(), BreaksAfterTwoRows()));

        await using (var c = await w.OpenAsync())
            Assert.Equal(0L, await c.ExecuteScalarAsync<long>(
                "SELECT (SELECT COUNT(*) FROM etl_snapshot) + (SELECT COUNT(*) FROM fact_dossier) + (SELECT COUNT(*) FROM etl_quarantine) + (SELECT COUNT(*) FROM etl_rebuild_queue)"));
        var next = await Service(w).LoadDossiersAsync(File(), Valid(Dossier("A-1", "2026-10-01T08:00:00")));
        Assert.Equal(1L, next.Inserted);
    }

    [ProviderFact]
    public async Task LoadDossiers_UnknownAgency_CreatesAnInferredMember()
    {
        await using var w = await InitializedAsync();

        await Service(w).LoadDossiersAsync(File(), Valid(Dossier("Z-1", "2026-10-01T08:00:00", agency: "NEW.UNIT")));

        await using var c = await w.OpenAsync();
        var agency = await c.QuerySingleAsync<(string Code, long Inferred, string Level)>(
            "SELECT a.agency_code, a.is_inferred, a.agency_level FROM fact_dossier f JOIN dim_agency a ON a.agency_key = f.agency_key");
        Assert.Equal(("NEW.UNIT", 1L, "unknown"), agency);
    }

    [ProviderFact]
    public async Task LoadDossiers_AgencyWithHistory_ResolvesTheVersionValidOnTheReceivedDay()
    {
        await using var w = await InitializedAsync();
        await using var c = await w.OpenAsync();
        await c.ExecuteAsync("UPDATE dim_agency SET valid_to = '2025-07-01' WHERE agency_code = 'TNI.SYT'");
        await c.ExecuteAsync("INSERT INTO dim_agency (agency_code, agency_name, agency_level, province_code, valid_from) VALUES ('TNI.SYT', 'Sở Y tế Tây Ninh (sau hợp nhất)', 'department', 'TNI', '2025-07-01')");

        await Service(w).LoadDossiersAsync(File(), Valid(
            Dossier("OLD", "2025-06-30T08:00:00", status: 10, finished: "2025-07-02T08:00:00"), Dossier("NEW", "2025-07-01T08:00:00")));

        var versions = (await c.QueryAsync<(string Code, DateTime ValidFrom)>(
            "SELECT f.dossier_code, a.valid_from FROM fact_dossier f JOIN dim_agency a ON a.agency_key = f.agency_key ORDER BY 1")).ToList();
        Assert.Equal([("NEW", new DateTime(2025, 7, 1)), ("OLD", new DateTime(2008, 8, 1))], versions);
    }

    [ProviderFact]
    public async Task LoadDossiers_SameDossierTwiceInOneFile_TheLaterLineWins()
    {
        await using var w = await InitializedAsync();

        await Service(w).LoadDossiersAsync(File(), Valid(
            Dossier("A-1", "2026-10-01T08:00:00", status: 4), Dossier("A-1", "2026-10-01T08:00:00", status: 9, finished: "2026-10-03T08:00:00")));

        await using var c = await w.OpenAsync();
        Assert.Equal(9L, await c.ExecuteScalarAsync<long>("SELECT status FROM fact_dossier"));
    }

    [ProviderFact]
    public async Task LoadDossiers_LateArrivingRows_MarkTheirPeriodsForRebuild()
    {
        await using var w = await InitializedAsync();

        await Service(w).LoadDossiersAsync(File(asOf: "2026-11-20T17:00:00"), Valid(
            Dossier("A-1", "2024-03-05T08:00:00", finished: "2024-03-20T08:00:00"), Dossier("A-2", "2026-11-02T08:00:00", status: 4, finished: null)));

        await using var c = await w.OpenAsync();
        Assert.Equal((20240305L, 20261120L), await c.QuerySingleAsync<(long, long)>("SELECT from_date_key, to_date_key FROM etl_rebuild_queue"));
    }

    [ProviderFact]
    public async Task LoadPakn_NoDueDate_DeadlineIsFifteenWorkingDaysSkippingTet()
    {
        await using var w = await InitializedAsync();

        // Received Thursday 12/02/2026. Working day 1 is Friday 13/02; Tết closes 14/02–22/02; day 15 is Thursday 12/03/2026.
        await Service(w).LoadPaknAsync(File("pakn"), Valid(Pakn("P-1", "2026-02-12T09:00:00")));

        await using var c = await w.OpenAsync();
        Assert.Equal(20260312L, await c.ExecuteScalarAsync<long>("SELECT deadline_date_key FROM fact_pakn"));
    }

    [ProviderFact]
    public async Task LoadTargets_UnknownIndicator_IsQuarantinedAndTheRestLoads()
    {
        await using var w = await InitializedAsync();

        var result = await Service(w).LoadTargetsAsync(File("targets"), Valid(
            new TargetRecord("DNA.SYT", "on_time_rate_766", "2022", ">=", 98, "704/KH-SYT 24/01/2022", "I.2"),
            new TargetRecord("DNA.SYT", "no_such_indicator", "2022", ">=", 98, "704/KH-SYT 24/01/2022", "I.3"),
            new TargetRecord("DNA.SYT", "on_time_rate_766", "2025-2021", ">=", 98, "704/KH-SYT 24/01/2022", "I.4")));

        Assert.Equal((1L, 2L), (result.Inserted, result.Quarantined));
        await using var c = await w.OpenAsync();
        Assert.Equal((20220101L, 20221231L), await c.QuerySingleAsync<(long, long)>("SELECT start_key, end_key FROM fact_target"));
        Assert.Equal(
        [
            ("indicator", "'no_such_indicator' không có trong danh mục chỉ tiêu / 'no_such_indicator' is not in the indicator catalog"),
            ("period", "'2025-2021' không phải kỳ chỉ tiêu hợp lệ / '2025-2021': the range ends before it starts."),
        ], await c.QueryAsync<(string, string)>("SELECT field, reason FROM etl_quarantine ORDER BY line_no"));
    }
}
