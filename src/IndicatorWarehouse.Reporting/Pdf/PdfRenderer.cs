using IndicatorWarehouse.Reporting.Formatting;
using Microsoft.Playwright;

namespace IndicatorWarehouse.Reporting.Pdf;

/// <summary>
/// Prints HTML to A4 PDF with headless Chromium. One browser stays warm and its pages are reused
/// (a new page per document costs several times the print itself); up to <see cref="PdfRendererOptions.MaxParallelPages"/>
/// documents print at once, and the browser is replaced after <see cref="PdfRendererOptions.RecycleAfterDocuments"/>.
/// </summary>
public sealed class PdfRenderer : IAsyncDisposable
{
    // Containers run as root, where Chromium's sandbox cannot start; the machine has no network, so nothing may phone home.
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly PdfRendererOptions options;
    private readonly string footerTemplate;
    private readonly SemaphoreSlim slots;
    private readonly SemaphoreSlim launchGate = new(1, 1);
    private IPlaywright? playwright;
    private volatile BrowserSession? current;
    private int launches;
    private bool disposed;

    public PdfRenderer(PdfRendererOptions? options = null)
    {
        this.options = options ?? new PdfRendererOptions();
        if (this.options.MaxParallelPages < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxParallelPages must be at least 1.");
        if (this.options.RecycleAfterDocuments < 1) throw new ArgumentOutOfRangeException(nameof(options), "RecycleAfterDocuments must be at least 1.");
        slots = new SemaphoreSlim(this.options.MaxParallelPages, this.options.MaxParallelPages);
        // The footer is laid out in the page margin, outside the document's styles: it states its own font and insets.
        footerTemplate =
            $"<div style=\"box-sizing:border-box;width:100%;padding:0 {this.options.MarginRight} 0 {this.options.MarginLeft};font-family:{ReportPalette.FontFamily};" +
            $"font-size:7pt;color:{ReportPalette.MutedText};text-align:right\">Trang <span class=\"pageNumber\"></span>/<span class=\"totalPages\"></span></div>";
    }

    /// <summary>How many browsers this renderer has started (the first, plus one per recycling).</summary>
    public int BrowserLaunches => Volatile.Read(ref launches);

    /// <summary>The PDF of a complete HTML document. Throws <see cref="ChromiumNotFoundException"/> when there is no browser.</summary>
    public async Task<byte[]> RenderPdfAsync(string html, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await slots.WaitAsync(cancellationToken);
        try
        {
            var session = await LeaseAsync(cancellationToken);
            IPage? page = null;
            var reusable = false;
            try
            {
                page = await session.TakePageAsync();
                var pdf = await PrintAsync(page, html, cancellationToken);
                reusable = true;
                return pdf;
            }
            finally
            {
                await session.ReturnAsync(page, reusable);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Writes the PDF next to <paramref name="path"/> first and then moves it in place, so no half-written file is left.</summary>
    public async Task RenderPdfToFileAsync(string html, string path, CancellationToken cancellationToken = default)
    {
        var pdf = await RenderPdfAsync(html, cancellationToken);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        await File.WriteAllBytesAsync(partial, pdf, cancellationToken);
        File.Move(partial, full, overwrite: true);
    }

    private async Task<byte[]> PrintAsync(IPage page, string html, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Closing the page is the only way to stop Playwright mid-call; the page is then not reused.
        await using var onCancel = cancellationToken.Register(() => _ = BrowserSession.Quietly(() => page.CloseAsync()));
        try
        {
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                PreferCSSPageSize = true,
                Margin = new Margin { Top = options.MarginTop, Right = options.MarginRight, Bottom = options.MarginBottom, Left = options.MarginLeft },
                DisplayHeaderFooter = options.PageNumbers,
                HeaderTemplate = "<span></span>",
                FooterTemplate = footerTemplate,
            });
        }
        catch (PlaywrightException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>A lease on the current browser, launching the first one or a replacement for a retired one.</summary>
    private async Task<BrowserSession> LeaseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var session = current;
            if (session is not null && session.TryLease()) return session;
            await launchGate.WaitAsync(cancellationToken);
            try
            {
                if (current != session) continue;
                if (session is not null) await session.RetireAsync();
                current = await LaunchAsync();
            }
            finally
            {
                launchGate.Release();
            }
        }
    }

    private async Task<BrowserSession> LaunchAsync()
    {
        var executable = ChromiumLocator.Locate(options.ChromiumPath);
        playwright ??= await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumFlags,
            Timeout = (float)options.Timeout.TotalMilliseconds,
        });
        Interlocked.Increment(ref launches);
        return new BrowserSession(browser, options.RecycleAfterDocuments, options.Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        if (current is { } session) await session.CloseAsync();
        playwright?.Dispose();
        slots.Dispose();
        launchGate.Dispose();
    }
}
