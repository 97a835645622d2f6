namespace IndicatorWarehouse.Application.Reports;

/// <summary>What a report is written as: a printed A4 PDF, the HTML it is printed from, or plain text (quick report only).</summary>
public enum ReportFormat
{
    Pdf,
    Html,
    Text,
}

public static class ReportFormats
{
    public static ReportFormat Parse(string text) => text.ToLowerInvariant() switch
    {
        "pdf" => ReportFormat.Pdf,
        "html" => ReportFormat.Html,
        "text" or "txt" => ReportFormat.Text,
        _ => throw new ArgumentException($"Unknown format '{text}': use pdf, html or text."),
    };

    public static string Extension(this ReportFormat format) => format switch
    {
        ReportFormat.Pdf => ".pdf",
        ReportFormat.Html => ".html",
        _ => ".txt",
    };
}
