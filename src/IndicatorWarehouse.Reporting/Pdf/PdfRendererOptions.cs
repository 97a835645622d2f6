namespace IndicatorWarehouse.Reporting.Pdf;

/// <summary>How <see cref="PdfRenderer"/> finds, runs and recycles Chromium, and how it lays out pages.</summary>
public sealed record PdfRendererOptions
{
    /// <summary>The browser; when null, IW_CHROMIUM, /usr/bin/chromium, then PATH (see <see cref="ChromiumLocator"/>).</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>Documents printed at once, each on its own reused page.</summary>
    public int MaxParallelPages { get; init; } = Environment.ProcessorCount;

    /// <summary>A fresh browser after this many documents, so that a long batch does not accumulate browser memory.</summary>
    public int RecycleAfterDocuments { get; init; } = 200;

    /// <summary>Longest time for loading one document and printing it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>"Trang n/N" at the bottom right of every page.</summary>
    public bool PageNumbers { get; init; } = true;

    public string MarginTop { get; init; } = "14mm";
    public string MarginRight { get; init; } = "14mm";
    public string MarginBottom { get; init; } = "16mm";
    public string MarginLeft { get; init; } = "14mm";
}
