using System.Globalization;
using IndicatorWarehouse.Application.QuickReport;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Jobs;
using IndicatorWarehouse.Server.Pages;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Scorecards;

/// <summary>Reports on demand: the daily quick report (page and text file) and the monthly scorecard (HTML and PDF,
/// through <see cref="IScorecardDocuments"/>; 501 while none is wired in).</summary>
public static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Roles.ViewPolicy).CacheOutput(Caching.WarehousePageCache.PolicyName);
        group.MapGet("/quick-report", QuickReportPage);
        group.MapGet("/quick-report.txt", QuickReportText);
        group.MapGet("/scorecards/{unit}/{month}.pdf", ScorecardPdf);
        group.MapGet("/scorecards/{unit}/{month}", ScorecardHtml);
    }

    private static async Task<IResult> QuickReportPage(string? unit, string? date, HttpContext http, WarehouseDatabase database,
        ReferenceFiles reference, TimeProvider clock, CancellationToken ct)
    {
        var units = await new DashboardQueries(database).UnitsAsync(ct);
        var chosen = unit ?? units.FirstOrDefault()?.Code;
        try
        {
            var day = Day(date, clock);
            var text = chosen is null ? null : Render(await new QuickReportService(database, reference).BuildAsync(chosen, day, ct: ct));
            return await PageResults.HtmlAsync<QuickReportPage>(http, new() { ["Units"] = units, ["Unit"] = chosen, ["Date"] = day, ["Text"] = text });
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return await PageResults.MessageAsync(http, "Không lập được báo cáo nhanh", e.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> QuickReportText(string unit, string? date, WarehouseDatabase database, ReferenceFiles reference,
        TimeProvider clock, CancellationToken ct)
    {
        try
        {
            var day = Day(date, clock);
            var report = await new QuickReportService(database, reference).BuildAsync(unit, day, ct: ct);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(Render(report)), "text/plain; charset=utf-8", QuickReportsWork.FileName(unit, day));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ScorecardHtml(string unit, string month, HttpContext http, ScorecardSlot slot, CancellationToken ct) =>
        slot.Documents is not { } scorecards
            ? await Missing(http)
            : Results.Content(await scorecards.HtmlAsync(unit, month, ct), "text/html; charset=utf-8");

    private static async Task<IResult> ScorecardPdf(string unit, string month, HttpContext http, ScorecardSlot slot, CancellationToken ct) =>
        slot.Documents is not { } scorecards
            ? await Missing(http)
            : Results.File(await scorecards.PdfAsync(unit, month, ct), "application/pdf", $"phieu-diem_{unit}_{month}.pdf");

    private static Task<IResult> Missing(HttpContext http) =>
        PageResults.MessageAsync(http, "Phiếu điểm tháng", ScorecardsMissing.Message, StatusCodes.Status501NotImplemented);

    private static string Render(QuickReport report) => Application.QuickReport.QuickReportText.Render(report);

    private static DateOnly Day(string? text, TimeProvider clock) => text is null
        ? DateOnly.FromDateTime(clock.GetLocalNow().DateTime)
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new FormatException($"'{text}' không phải ngày dạng YYYY-MM-DD.");
}
