using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>Loads a handful of records into a real warehouse, runs the real build, and reads the values back.</summary>
public sealed class MeasureProbe(ITestWarehouse warehouse)
{
    private int _snapshot;

    public IngestService Ingest => new(warehouse.Database, ReferenceFiles.Default());

    public async Task DossiersAsync(params DossierRecord[] dossiers) =>
        await Ingest.LoadDossiersAsync(Rows.File(hash: "d" + ++_snapshot), Rows.Valid(dossiers));

    public async Task PaknAsync(params PaknRecord[] items) =>
        await Ingest.LoadPaknAsync(Rows.File("pakn", hash: "p" + ++_snapshot), Rows.Valid(items));

    public async Task DigitizationAsync(params DigitizationRecord[] items) =>
        await Ingest.LoadDigitizationAsync(Rows.File("digitization", hash: "g" + ++_snapshot), Rows.Valid(items));

    public Task<BuildReport> BuildAsync(BuildRequest? request = null) =>
        new BuildService(warehouse.Database, ReferenceFiles.Default()).BuildAsync(request ?? new BuildRequest(All: true));

    /// <summary>indicator → (numerator, denominator, value) of one unit and period.</summary>
    public async Task<Dictionary<string, (double? Num, double? Den, double? Value)>> ValuesAsync(string period, string agency = "TNI.SYT")
    {
        await using var c = await warehouse.OpenAsync();
        var rows = await c.QueryAsync<(string Code, double? Num, double? Den, double? Value)>(
            "SELECT indicator_code, numerator, denominator, value FROM fact_indicator_value WHERE agency_code = @agency AND period_code = @period",
            new { agency, period });
        return rows.ToDictionary(r => r.Code, r => (r.Num, r.Den, r.Value));
    }

    public async Task<double?> CountAsync(string indicator, string period, string agency = "TNI.SYT") =>
        (await ValuesAsync(period, agency)).TryGetValue(indicator, out var v) ? v.Num : null;
}
