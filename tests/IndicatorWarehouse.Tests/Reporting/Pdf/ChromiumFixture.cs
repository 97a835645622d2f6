using IndicatorWarehouse.Reporting.Html;
using IndicatorWarehouse.Reporting.Pdf;
using IndicatorWarehouse.Reporting.Templates;

namespace IndicatorWarehouse.Tests.Reporting.Pdf;

/// <summary>
/// Tests that start the real Chromium. They share one warm renderer and run alone: one of them changes
/// IW_CHROMIUM for the process, and two cores cannot print and build at the same time quickly anyway.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}

/// <summary>One warm <see cref="PdfRenderer"/> and the gallery printed once to a temporary folder.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "iw-pdf-" + Guid.NewGuid().ToString("N")[..12]);
    public PdfRenderer Pdf { get; } = new();
    public HtmlRenderService Html { get; } = new();
    public string GalleryPdf => Path.Combine(Directory, "gallery.pdf");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        await Pdf.RenderPdfToFileAsync(await Html.RenderAsync<ChartGallery>(), GalleryPdf);
    }

    public async Task DisposeAsync()
    {
        await Pdf.DisposeAsync();
        await Html.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
