using IndicatorWarehouse.Application.Files;
using IndicatorWarehouse.Reporting.Html;
using IndicatorWarehouse.Reporting.Pdf;
using Microsoft.AspNetCore.Components;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>Renders a report template with its model and writes it as HTML or PDF. One writer keeps one Chromium
/// warm for all the PDFs it prints, so a batch pays the browser's start once.</summary>
public sealed class ReportWriter : IAsyncDisposable
{
    private readonly HtmlRenderService html;
    private readonly Lazy<PdfRenderer> pdf;
    private readonly bool ownsRenderers;

    /// <summary>A writer with its own renderers; Chromium starts with the first PDF, not before.</summary>
    public ReportWriter(PdfRendererOptions? pdfOptions = null)
    {
        html = new HtmlRenderService();
        pdf = new Lazy<PdfRenderer>(() => new PdfRenderer(pdfOptions));
        ownsRenderers = true;
    }

    /// <summary>A writer that borrows renderers someone else keeps warm (and disposes).</summary>
    public ReportWriter(HtmlRenderService html, PdfRenderer pdf)
    {
        this.html = html;
        this.pdf = new Lazy<PdfRenderer>(() => pdf);
    }

    /// <summary>The template's HTML; every template takes its data as one parameter named Model.</summary>
    public Task<string> HtmlAsync<TTemplate>(object model) where TTemplate : IComponent =>
        html.RenderAsync<TTemplate>(new Dictionary<string, object?> { ["Model"] = model });

    /// <summary>Writes <c>directory/name.pdf</c> or <c>.html</c> and returns its path.</summary>
    public async Task<string> WriteAsync<TTemplate>(object model, string directory, string name, ReportFormat format,
        CancellationToken ct = default) where TTemplate : IComponent
    {
        var page = await HtmlAsync<TTemplate>(model);
        var path = SafeFileName.In(directory, name + format.Extension());
        Directory.CreateDirectory(directory);
        switch (format)
        {
            case ReportFormat.Pdf:
                await pdf.Value.RenderPdfToFileAsync(page, path, ct);
                break;
            case ReportFormat.Html:
                await File.WriteAllTextAsync(path, page, ct);
                break;
            default:
                throw new ArgumentException($"{typeof(TTemplate).Name} is written as pdf or html, not {format}.");
        }
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (!ownsRenderers) return;
        if (pdf.IsValueCreated) await pdf.Value.DisposeAsync();
        await html.DisposeAsync();
    }
}
