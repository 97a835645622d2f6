using System.Globalization;
using IndicatorWarehouse.Application.Files;
using IndicatorWarehouse.Reporting.Templates.QuickReports;
using IndicatorWarehouse.Reporting.Templates.Rankings;
using IndicatorWarehouse.Reporting.Templates.Reviews;
using IndicatorWarehouse.Reporting.Templates.Scorecards;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>Each report's template and file name, so the commands and the demo name files alike.</summary>
public static class ReportFiles
{
    public static Task<string> WriteScorecardAsync(ReportWriter writer, ScorecardModel model, string directory, ReportFormat format,
        CancellationToken ct = default) =>
        writer.WriteAsync<ScorecardReport>(model, directory, SafeFileName.Of("phieu-diem", model.Unit.Code, model.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)), format, ct);

    public static Task<string> WriteRankingAsync(ReportWriter writer, RankingModel model, string directory, ReportFormat format,
        CancellationToken ct = default) =>
        writer.WriteAsync<RankingReport>(model, directory, SafeFileName.Of("xep-hang", model.ProvinceCode, model.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)), format, ct);

    public static Task<string> WriteReviewAsync(ReportWriter writer, ReviewModel model, string directory, ReportFormat format,
        CancellationToken ct = default) =>
        writer.WriteAsync<ReviewReport>(model, directory, SafeFileName.Of("xu-huong", model.ProvinceCode, $"{model.Years[0]}-{model.Years[^1]}"), format, ct);

    /// <summary>The quick report's file name without its extension; the text version uses it too.</summary>
    public static string QuickReportName(string agencyCode, DateOnly date) => SafeFileName.Of("bao-cao-nhanh", agencyCode, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static Task<string> WriteQuickReportAsync(ReportWriter writer, QuickReportSheet model, string directory, ReportFormat format,
        CancellationToken ct = default) =>
        writer.WriteAsync<QuickReportPage>(model, directory, QuickReportName(model.AgencyCode, model.Date), format, ct);
}
