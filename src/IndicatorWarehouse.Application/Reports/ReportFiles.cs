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
        writer.WriteAsync<ScorecardReport>(model, directory, $"phieu-diem_{model.Unit.Code}_{model.Month:yyyy-MM}", format, ct);

    public static Task<string> WriteRankingAsync(ReportWriter writer, RankingModel model, string directory, ReportFormat format,
        CancellationToken ct = default) =>
        writer.WriteAsync<RankingReport>(model, directory, $"xep-hang_{model.ProvinceCode}_{model.Month:yyyy-MM}", format, ct);

    public static Task<string> WriteReviewAsync(ReportWriter writer, ReviewModel model, string directory, ReportFormat format,
        CancellationToken ct = default) =>
        writer.WriteAsync<ReviewReport>(model, directory, $"xu-huong_{model.ProvinceCode}_{model.Years[0]}-{model.Years[^1]}", format, ct);

    /// <summary>The quick report's file name without its extension; the text version uses it too.</summary>
    public static string QuickReportName(string agencyCode, DateOnly date) => $"bao-cao-nhanh_{agencyCode}_{date:yyyy-MM-dd}";

    public static Task<string> WriteQuickReportAsync(ReportWriter writer, QuickReportSheet model, string directory, ReportFormat format,
        CancellationToken ct = default) =>
        writer.WriteAsync<QuickReportPage>(model, directory, QuickReportName(model.AgencyCode, model.Date), format, ct);
}
