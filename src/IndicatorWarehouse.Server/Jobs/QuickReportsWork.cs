using System.Globalization;
using IndicatorWarehouse.Application.Files;
using IndicatorWarehouse.Application.QuickReport;
using IndicatorWarehouse.Application.Reports;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>The day's quick report of every unit, written as text to <c>&lt;output&gt;/quick-reports/&lt;date&gt;/</c>.</summary>
public sealed class QuickReportsWork(QuickReportService reports, UnitList units, string output) : IJobWork
{
    public async Task<JobWorkResult> RunAsync(string period, CancellationToken ct)
    {
        var date = DateOnly.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var folder = Path.Combine(output, "quick-reports", period);
        Directory.CreateDirectory(folder);
        var codes = await units.ResolveAsync(ct);
        foreach (var code in codes)
        {
            var report = await reports.BuildAsync(code, date, ct: ct);
            await File.WriteAllTextAsync(SafeFileName.In(folder, FileName(code, date)), QuickReportText.Render(report), ct);
        }
        return new JobWorkResult(true, codes.Count, $"{codes.Count} báo cáo nhanh trong {folder}.");
    }

    /// <summary>The name `iw quick-report --out` gives the same report.</summary>
    public static string FileName(string agencyCode, DateOnly date) => ReportFiles.QuickReportName(agencyCode, date) + ".txt";
}
