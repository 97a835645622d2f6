using IndicatorWarehouse.Reporting.Pdf;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Reporting.Pdf;

[Collection(ChromiumCollection.Name)]
public sealed class PdfRendererTests(ChromiumFixture fixture)
{
    private static string Page(string body) =>
        $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:'DejaVu Sans'\">{body}</body></html>";

    private async Task<string> TextOfAsync(byte[] pdf)
    {
        var path = Path.Combine(fixture.Directory, Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(path, pdf);
        return await ExternalTool.OutputOfAsync("pdftotext", "-layout", path, "-");
    }

    [Fact]
    public async Task RenderPdfToFileAsync_Gallery_KeepsVietnameseTextIntact()
    {
        var text = await ExternalTool.OutputOfAsync("pdftotext", "-layout", fixture.GalleryPdf, "-");

        Assert.Contains("Tỷ lệ hồ sơ đúng hạn", text);
        Assert.Contains("Sở Y tế Tây Ninh", text);
        Assert.Contains("Điểm Bộ chỉ số 766 theo nhóm", text);
        Assert.Contains("không có dữ liệu", text);
        Assert.Contains("KH 2026–2030", text);
        Assert.Contains("97,5 %", text);
        Assert.Contains("Trang 1/", text);
    }

    [Fact]
    public async Task RenderPdfToFileAsync_Gallery_IsAStructurallyValidA4Pdf()
    {
        var check = await ExternalTool.RunAsync("qpdf", "--check", fixture.GalleryPdf);
        var info = await ExternalTool.OutputOfAsync("pdfinfo", fixture.GalleryPdf);

        Assert.True(check.ExitCode == 0, check.StdOut + check.StdErr);
        Assert.Matches(@"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
        Assert.False(File.Exists(fixture.GalleryPdf + ".partial"));
    }

    [Fact]
    public async Task RenderPdfToFileAsync_Gallery_FirstPageIsDrawnNotBlank()
    {
        var root = Path.Combine(fixture.Directory, "page");
        await ExternalTool.OutputOfAsync("pdftoppm", "-gray", "-r", "50", "-f", "1", "-l", "1", "-singlefile", fixture.GalleryPdf, root);

        var image = GrayImage.Load(root + ".pgm");

        Assert.InRange(image.Width, 400, 420);
        Assert.InRange(image.DarkShare(), 0.01, 0.5);
    }

    [Fact]
    public async Task RenderPdfAsync_SeveralAtOnce_EachDocumentKeepsItsOwnContent()
    {
        var markers = Enumerable.Range(1, 6).Select(i => $"Phiếu số {i} của Sở Tài chính").ToList();

        var pdfs = await Task.WhenAll(markers.Select(m => fixture.Pdf.RenderPdfAsync(Page($"<h1>{m}</h1>"))));

        for (var i = 0; i < markers.Count; i++)
        {
            var text = await TextOfAsync(pdfs[i]);
            Assert.Contains(markers[i], text);
            Assert.Single(markers, text.Contains);
        }
    }

    [Fact]
    public async Task RenderPdfAsync_PastTheRecycleLimit_StartsAFreshBrowserAndKeepsPrinting()
    {
        await using var renderer = new PdfRenderer(new PdfRendererOptions { RecycleAfterDocuments = 2, MaxParallelPages = 1 });

        for (var i = 1; i <= 5; i++)
            Assert.Contains($"Văn bản {i}", await TextOfAsync(await renderer.RenderPdfAsync(Page($"<p>Văn bản {i}</p>"))));

        Assert.Equal(3, renderer.BrowserLaunches);
    }

    [Fact]
    public async Task RenderPdfAsync_CancelledBeforeItStarts_ThrowsAndTheRendererStillWorks()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Pdf.RenderPdfAsync(Page("<p>x</p>"), new CancellationToken(canceled: true)));

        Assert.Contains("Vẫn in được", await TextOfAsync(await fixture.Pdf.RenderPdfAsync(Page("<p>Vẫn in được</p>"))));
    }

    [Fact]
    public async Task RenderPdfAsync_IwChromiumPointsNowhere_FailsSayingHowToInstallIt()
    {
        var missing = Path.Combine(fixture.Directory, "no-such-chromium");
        var before = Environment.GetEnvironmentVariable(ChromiumLocator.EnvironmentVariable);
        Environment.SetEnvironmentVariable(ChromiumLocator.EnvironmentVariable, missing);
        try
        {
            await using var renderer = new PdfRenderer();

            var error = await Assert.ThrowsAsync<ChromiumNotFoundException>(() => renderer.RenderPdfAsync(Page("<p>x</p>")));

            Assert.StartsWith("Không tìm thấy Chromium / Chromium not found: install it with `apt-get install chromium` (or run .ci/setup), or set IW_CHROMIUM to its path", error.Message);
            Assert.Contains(missing, error.Message);
            Assert.Equal(0, renderer.BrowserLaunches);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumLocator.EnvironmentVariable, before);
        }
    }

    [Fact]
    public void Build_TestOutput_CarriesThePlaywrightDriver()
    {
        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");

        Assert.True(Directory.Exists(Path.Combine(driver, "package")), $"{driver}/package is missing");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(driver, "node"), "node", SearchOption.AllDirectories));
    }
}
