using System.Diagnostics;
using System.Globalization;
using Dapper;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Reports.Scorecards;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Html;
using IndicatorWarehouse.Reporting.Pdf;
using IndicatorWarehouse.Reporting.Templates;
using IndicatorWarehouse.Reporting.Templates.Scorecards;

namespace IndicatorWarehouse.Benchmarks.Scorecards;

/// <summary>`scorecards [--count N] [--db WAREHOUSE --period YYYY-MM]`: documents per second through one warm renderer
/// (Razor → HTML with its charts → Chromium PDF), against a blank A4 page through the same renderer (the printing
/// floor), and the same documents printed ten to a PDF (what batching would gain by paying the per-PDF cost once).
/// With a warehouse the documents are the real scorecards of every current Sở for that month (loaded beforehand,
/// untimed: the figure is rendering and printing); without one, the Reporting chart gallery, one A4 page with every
/// chart type.</summary>
internal static class ScorecardRun
{
    private const int Warmup = 3, PerBatch = 10;
    private const string Blank = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body><p>Trang trắng</p></body></html>";

    public static async Task<int> MainAsync(string[] args)
    {
        var count = int.Parse(Option(args, "--count") ?? "40", CultureInfo.InvariantCulture);
        await using var html = new HtmlRenderService();
        await using var pdf = new PdfRenderer();
        var document = Option(args, "--db") is { } db
            ? await ScorecardsAsync(new ReportWriter(html, pdf), db, Option(args, "--period") ?? throw new ArgumentException("--db needs --period YYYY-MM"))
            : _ => html.RenderAsync<ChartGallery>();

        await TimeAsync(Warmup, async i => await pdf.RenderPdfAsync(await document(i)));
        var documents = await TimeAsync(count, async i => await pdf.RenderPdfAsync(await document(i)));
        var blank = await TimeAsync(count, _ => pdf.RenderPdfAsync(Blank));
        var batches = Math.Max(1, count / PerBatch);
        var batched = await TimeAsync(batches, async i => await pdf.RenderPdfAsync(Batch(await Task.WhenAll(Enumerable.Range(i * PerBatch, PerBatch).Select(document)))));

        Console.WriteLine($"{count} documents in {documents.TotalSeconds:N2} s; {count} blank pages in {blank.TotalSeconds:N2} s; " +
                          $"{batches * PerBatch} documents {PerBatch} to a PDF in {batched.TotalSeconds:N2} s " +
                          $"({Environment.ProcessorCount} PDFs printed at once, browsers launched: {pdf.BrowserLaunches}).");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT scorecards_per_s={count / documents.TotalSeconds:0.00} blank_per_s={count / blank.TotalSeconds:0.00} " +
            $"batched_per_s={batches * PerBatch / batched.TotalSeconds:0.00}"));
        return 0;
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>The scorecards of every current Sở of the warehouse for the month; the i-th document is the i-th unit's, round the list.</summary>
    private static async Task<Func<int, Task<string>>> ScorecardsAsync(ReportWriter writer, string db, string month)
    {
        var database = WarehouseSettings.From("sqlite", db, null).Open();
        await using var c = await database.OpenReadOnlyAsync();
        var departments = await c.QueryAsync<string>(
            "SELECT agency_code FROM mart_agency WHERE agency_level = 'department' AND is_current = 1 ORDER BY agency_code");
        var query = new ScorecardQuery(database, ReferenceFiles.Default());
        var models = new List<ScorecardModel>();
        foreach (var agency in departments) models.Add(await query.LoadAsync(agency, month, DateOnly.FromDateTime(DateTime.Now)));
        Console.WriteLine($"{models.Count} scorecards of {month} loaded from {db}.");
        return i => writer.HtmlAsync<ScorecardReport>(models[i % models.Count]);
    }

    /// <summary>The documents' bodies in one HTML document, each starting a new page.</summary>
    private static string Batch(string[] documents)
    {
        var start = documents[0].IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        var end = documents[0].LastIndexOf("</body>", StringComparison.Ordinal);
        var bodies = documents.Select(d => d[(d.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length)..d.LastIndexOf("</body>", StringComparison.Ordinal)]);
        return documents[0][..start] + string.Concat(bodies.Select(b => $"<div style=\"break-before: page\">{b}</div>")) + documents[0][end..];
    }

    /// <summary>Submits every document at once, as a batch of scorecards would be: the renderer prints as many
    /// in parallel as it is configured for, and each must come back a PDF.</summary>
    private static async Task<TimeSpan> TimeAsync(int count, Func<int, Task<byte[]>> render)
    {
        var clock = Stopwatch.StartNew();
        var pdfs = await Task.WhenAll(Enumerable.Range(0, count).Select(render));
        clock.Stop();
        if (pdfs.Any(p => p.Length < 5 || p[0] != '%' || p[1] != 'P')) throw new InvalidOperationException("A render did not return a PDF.");
        return clock.Elapsed;
    }
}
