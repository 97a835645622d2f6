using System.Diagnostics;
using Dapper;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.QuickReport;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Ingestion.Synthetic;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;

namespace IndicatorWarehouse.Application.Demo;

/// <summary>One step of the demo and how long it took.</summary>
public sealed record DemoStep(string Name, string Detail, TimeSpan Elapsed);

/// <summary>What the demo made, with the path of every file a person would open.</summary>
public sealed record DemoSummary(string Warehouse, string Month, IReadOnlyList<DemoStep> Steps, IReadOnlyList<string> Scorecards,
    string Ranking, string Review, IReadOnlyList<string> QuickReports)
{
    public TimeSpan Elapsed => Steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Elapsed);
}

/// <summary>`iw demo`: the whole job on the embedded default — synthetic sources → a fresh SQLite warehouse → every
/// measure → the scorecards of every current Sở, the province ranking and review (issued: archived as `iw archive list` shows),
/// and a few quick reports.</summary>
public sealed class DemoService(ReferenceFiles reference)
{
    /// <summary>The province the synthetic sources describe (Tây Ninh, with Long An before the 2025 merger).</summary>
    public const string Province = "TNI";

    public async Task<DemoSummary> RunAsync(DemoOptions options, IProgress<DemoStep>? progress = null, CancellationToken ct = default)
    {
        var steps = new List<DemoStep>();
        async Task<T> Step<T>(string name, Func<Task<T>> work, Func<T, string> detail)
        {
            var clock = Stopwatch.StartNew();
            var result = await work();
            var step = new DemoStep(name, detail(result), clock.Elapsed);
            steps.Add(step);
            progress?.Report(step);
            return result;
        }

        var generated = await Step("generate", () => Task.Run(() => Generate(options, ct), ct),
            s => $"{s.Files.Count} tệp, {ViFormat.Count(s.Files.Sum(f => f.Rows))} dòng → {options.SourcesDirectory}");
        var database = FreshWarehouse(options.WarehousePath);
        await Step("init", async () => (await new InitService(database, reference).RunAsync(ct)).Applied.Count, n => $"{n} bước tạo lược đồ → {options.WarehousePath}");
        await Step("ingest", () => IngestAsync(database, generated, options, ct), n => $"{ViFormat.Count(n)} dòng đã đọc");
        await Step("build", () => new BuildService(database, reference).BuildAsync(new BuildRequest(All: true), ct),
            b => $"{b.Periods} kỳ, {ViFormat.Count(b.Values)} giá trị");

        var month = Period.Containing(Grain.Month, DateOnly.FromDateTime(options.AsOf)).Previous();
        await using var writer = new ReportWriter();
        var scorecards = await Step("scorecards", () => ScorecardsAsync(database, writer, month, options, ct), s => $"{s.Count} phiếu điểm {month.Code}");
        var ranking = await Step("ranking", async () => (await new RankingIssuer(database, reference)
            .IssueAsync(writer, Province, month.Code, options.ReportsDirectory, options.GeneratedOn, ct)).Path, Path.GetFileName);
        var review = await Step("review", async () => (await new ReviewIssuer(database, reference)
            .IssueAsync(writer, Province, options.FirstYear, options.LastYear, options.ReportsDirectory, options.GeneratedOn, ct)).Path, Path.GetFileName);
        var quick = await Step("quick reports", () => QuickReportsAsync(database, writer, options, ct), q => $"{q.Count} báo cáo nhanh");
        return new DemoSummary(options.WarehousePath, month.Code, steps, scorecards, ranking, review, quick);
    }

    private GenerationSummary Generate(DemoOptions options, CancellationToken ct) =>
        new SyntheticSourceGenerator(reference.Agencies(), reference.Lineage(), reference.Holidays()).Generate(options.SourcesDirectory,
            new SyntheticOptions
            {
                Seed = options.Seed, FirstYear = options.FirstYear, LastYear = options.LastYear,
                DossiersPerYear = options.DossiersPerYear, AsOf = options.AsOf,
            }, ct);

    /// <summary>The demo always starts from an empty warehouse: a file left by an earlier run is removed first.</summary>
    private static WarehouseDatabase FreshWarehouse(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        SqliteDialect.DeleteDatabase(path);
        return new WarehouseDatabase(new SqliteDialect(), SqliteDialect.ConnectionStringFor(path));
    }

    /// <summary>The generated files source by source (dossiers first, so the others find their dossiers), then the shipped targets.</summary>
    private async Task<long> IngestAsync(WarehouseDatabase database, GenerationSummary generated, DemoOptions options, CancellationToken ct)
    {
        var ingest = new IngestService(database, reference);
        long rows = 0;
        foreach (var file in generated.Files.OrderBy(f => f.Source).ThenBy(f => f.Year))
            rows += (await ingest.IngestFileAsync(file.Source, file.Path, generated.AsOf, ct: ct)).Read;
        foreach (var targets in Directory.GetFiles(reference.PathOf("targets"), "*.csv").Order(StringComparer.Ordinal))
            rows += (await ingest.IngestFileAsync(SourceKind.Targets, targets, options.AsOf, ct: ct)).Read;
        return rows;
    }

    private async Task<IReadOnlyList<string>> ScorecardsAsync(WarehouseDatabase database, ReportWriter writer, Period month,
        DemoOptions options, CancellationToken ct)
    {
        await using var c = await database.OpenReadOnlyAsync(ct);
        var departments = (await c.QueryAsync<string>(
            "SELECT agency_code FROM mart_agency WHERE province_code = @Province AND agency_level = 'department' AND is_current = 1 ORDER BY agency_code",
            new { Province })).ToList();
        var issuer = new ScorecardIssuer(database, reference);
        var paths = new List<string>();
        foreach (var agency in departments)
            paths.Add((await issuer.IssueAsync(writer, agency, month.Code, Path.Combine(options.ReportsDirectory, "phieu-diem"), options.GeneratedOn, ct)).Path);
        // One scorecard of the month still open at the as-of, whose figures are marked "tạm tính đến …".
        paths.Add((await issuer.IssueAsync(writer, options.QuickReportUnits[0], month.Next().Code,
            Path.Combine(options.ReportsDirectory, "phieu-diem"), options.GeneratedOn, ct)).Path);
        return paths;
    }

    private async Task<IReadOnlyList<string>> QuickReportsAsync(WarehouseDatabase database, ReportWriter writer, DemoOptions options, CancellationToken ct)
    {
        var service = new QuickReportService(database, reference);
        var day = DateOnly.FromDateTime(options.AsOf);
        var paths = new List<string>();
        foreach (var agency in options.QuickReportUnits)
            paths.Add(await ReportFiles.WriteQuickReportAsync(writer, QuickReportSheets.From(await service.BuildAsync(agency, day, ct: ct)),
                Path.Combine(options.ReportsDirectory, "bao-cao-nhanh"), ReportFormat.Pdf, ct));
        return paths;
    }
}
