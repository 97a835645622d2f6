using System.Text.RegularExpressions;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Tests.Reporting.Pdf;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Application.Reports;

/// <summary>
/// The reports on a real warehouse, printed by the real Chromium and read back with poppler and qpdf. One class in
/// several files (one per report), so that the warehouse is built once for all of them.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed partial class ReportTests(ChromiumFixture chromium, ReportWarehouse fixture) : IClassFixture<ReportWarehouse>
{
    private ReportWriter Writer => new(chromium.Html, chromium.Pdf);

    private static async Task<string> TextAsync(string pdf) =>
        await ExternalTool.OutputOfAsync("pdftotext", "-layout", pdf, "-");

    /// <summary>The PDF's text with every run of white space made one space, so names wrapped in a table cell read whole.</summary>
    private static async Task<string> FlatTextAsync(string pdf) =>
        Regex.Replace(await ExternalTool.OutputOfAsync("pdftotext", pdf, "-"), @"\s+", " ");

    private static async Task<int> PagesAsync(string pdf) =>
        int.Parse(Regex.Match(await ExternalTool.OutputOfAsync("pdfinfo", pdf), @"Pages:\s+(\d+)").Groups[1].Value);

    private async Task AssertValidPdfWithDrawnFirstPageAsync(string pdf)
    {
        var check = await ExternalTool.RunAsync("qpdf", "--check", pdf);
        Assert.True(check.ExitCode == 0, check.StdOut + check.StdErr);
        var root = Path.Combine(fixture.Output, Path.GetFileNameWithoutExtension(pdf) + "-page1");
        await ExternalTool.OutputOfAsync("pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile", pdf, root);
        Assert.InRange(GrayImage.Load(root + ".pgm").DarkShare(), 0.02, 0.5);
    }
}
