using System.Diagnostics;
using System.Globalization;
using IndicatorWarehouse.Reporting.Html;
using IndicatorWarehouse.Reporting.Pdf;
using IndicatorWarehouse.Reporting.Templates;

namespace IndicatorWarehouse.Benchmarks.Scorecards;

/// <summary>`scorecards [--count N]`: documents per second through one warm renderer (Razor → HTML → Chromium PDF),
/// against a blank A4 page through the same renderer (the printing floor), and the same documents printed ten to a
/// PDF (what batching would gain by paying the per-PDF cost once).
/// Stand-in: `iw scorecard` is not on this branch, so the document is the Reporting chart gallery, one A4 report
/// with every chart type — when the scorecard lands, <see cref="RenderDocumentAsync"/> is the one place to change.</summary>
internal static class ScorecardRun
{
    private const int Warmup = 3, PerBatch = 10;
    private const string Blank = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body><p>Trang trắng</p></body></html>";

    public static async Task<int> MainAsync(string[] args)
    {
        var count = args is ["--count", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 40;
        await using var html = new HtmlRenderService();
        await using var pdf = new PdfRenderer();

        await TimeAsync(Warmup, () => RenderDocumentAsync(html, pdf));
        var documents = await TimeAsync(count, () => RenderDocumentAsync(html, pdf));
        var blank = await TimeAsync(count, () => pdf.RenderPdfAsync(Blank));
        var batches = Math.Max(1, count / PerBatch);
        var batched = await TimeAsync(batches, async () => await pdf.RenderPdfAsync(Batch(await html.RenderAsync<ChartGallery>())));

        Console.WriteLine($"{count} documents in {documents.TotalSeconds:N2} s; {count} blank pages in {blank.TotalSeconds:N2} s; " +
                          $"{batches * PerBatch} documents {PerBatch} to a PDF in {batched.TotalSeconds:N2} s " +
                          $"({Environment.ProcessorCount} PDFs printed at once, browsers launched: {pdf.BrowserLaunches}).");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT scorecards_per_s={count / documents.TotalSeconds:0.00} blank_per_s={count / blank.TotalSeconds:0.00} " +
            $"batched_per_s={batches * PerBatch / batched.TotalSeconds:0.00}"));
        return 0;
    }

    private static async Task<byte[]> RenderDocumentAsync(HtmlRenderService html, PdfRenderer pdf) =>
        await pdf.RenderPdfAsync(await html.RenderAsync<ChartGallery>());

    /// <summary>The document's body <see cref="PerBatch"/> times in one HTML document, each part starting a new page.</summary>
    private static string Batch(string document)
    {
        var start = document.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        var end = document.LastIndexOf("</body>", StringComparison.Ordinal);
        var body = document[start..end];
        var parts = Enumerable.Repeat($"<div style=\"break-before: page\">{body}</div>", PerBatch);
        return document[..start] + string.Concat(parts) + document[end..];
    }

    /// <summary>Submits every document at once, as a batch of scorecards would be: the renderer prints as many
    /// in parallel as it is configured for, and each must come back a PDF.</summary>
    private static async Task<TimeSpan> TimeAsync(int count, Func<Task<byte[]>> render)
    {
        var clock = Stopwatch.StartNew();
        var pdfs = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => render()));
        clock.Stop();
        if (pdfs.Any(p => p.Length < 5 || p[0] != '%' || p[1] != 'P')) throw new InvalidOperationException("A render did not return a PDF.");
        return clock.Elapsed;
    }
}
