using System.Globalization;
using IndicatorWarehouse.Application.Files;
using IndicatorWarehouse.Application.QuickReport;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Jobs;
using IndicatorWarehouse.Server.Pages;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Scorecards;

/// <summary>Reports on demand: the daily quick report (page and text file) and the monthly scorecard (HTML and PDF,
/// through <see cref="IScorecardDocuments"/>; 501 while none is wired in). Reading a scorecard (GET) shows the latest
/// figures marked "bản xem, chưa phát hành" and issues nothing; an administrator issues one with a POST carrying the
/// antiforgery token, and the archive records who.</summary>
public static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Roles.ViewPolicy).CacheOutput(Caching.WarehousePageCache.PolicyName);
        group.MapGet("/quick-report", QuickReportPage);
        group.MapGet("/quick-report.txt", QuickReportText);
        group.MapGet("/scorecards/{unit}/{month}.pdf", ScorecardPdf);
        group.MapGet("/scorecards/{unit}/{month}", ScorecardHtml);
        app.MapPost("/scorecards/{unit}/{month}/issue", IssueScorecard).RequireAuthorization(Roles.AdminPolicy).AddEndpointFilter<AntiforgeryCheck>();
    }

    private static async Task<IResult> QuickReportPage(string? unit, string? date, HttpContext http, WarehouseDatabase database,
        ReferenceFiles reference, CancellationToken ct)
    {
        var units = await new DashboardQueries(database).UnitsAsync(ct);
        var chosen = unit ?? units.FirstOrDefault()?.Code;
        try
        {
            var day = Day(date, database.Clock);
            var text = chosen is null ? null : Render(await new QuickReportService(database, reference).BuildAsync(chosen, day, ct: ct));
            return await PageResults.HtmlAsync<QuickReportPage>(http, new() { ["Units"] = units, ["Unit"] = chosen, ["Date"] = day, ["Text"] = text });
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return await PageResults.MessageAsync(http, "Không lập được báo cáo nhanh", e.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> QuickReportText(string unit, string? date, WarehouseDatabase database, ReferenceFiles reference,
        CancellationToken ct)
    {
        try
        {
            var day = Day(date, database.Clock);
            var report = await new QuickReportService(database, reference).BuildAsync(unit, day, ct: ct);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(Render(report)), "text/plain; charset=utf-8", QuickReportsWork.FileName(unit, day));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ScorecardHtml(string unit, string month, HttpContext http, ScorecardSlot slot, WarehouseDatabase database,
        CancellationToken ct) =>
        slot.Documents is not { } scorecards ? await Missing(http)
        : await BadScorecardUrlAsync(unit, month, http, database, ct) is { } bad ? bad
        : Results.Content(await WithIssueFormAsync(http, await scorecards.HtmlAsync(unit, month, ct), unit, month), "text/html; charset=utf-8");

    /// <summary>An administrator's copy of the page carries the "Phát hành" form at the top of its body. That copy holds
    /// their antiforgery token, so it is never kept in the page cache.</summary>
    private static async Task<string> WithIssueFormAsync(HttpContext http, string html, string unit, string month)
    {
        if (!http.User.IsInRole(Roles.Admin)) return html;
        Caching.WarehousePageCache.KeepOut(http);
        var form = await http.RequestServices.GetRequiredService<Reporting.Html.HtmlRenderService>().RenderAsync<IssueScorecardForm>(
            new Dictionary<string, object?> { ["Page"] = PageContext.Of(http), ["Unit"] = unit, ["Month"] = month });
        var body = html.IndexOf("<body>", StringComparison.Ordinal);
        return body < 0 ? form + html : html.Insert(body + "<body>".Length, form);
    }

    private static async Task<IResult> ScorecardPdf(string unit, string month, HttpContext http, ScorecardSlot slot, WarehouseDatabase database,
        CancellationToken ct) =>
        slot.Documents is not { } scorecards ? await Missing(http)
        : await BadScorecardUrlAsync(unit, month, http, database, ct) is { } bad ? bad
        : Results.File(await scorecards.PdfAsync(unit, month, ct), "application/pdf", SafeFileName.Of("phieu-diem", unit, month) + ".pdf");

    private static async Task<IResult> IssueScorecard(string unit, string month, HttpContext http, ScorecardSlot slot, WarehouseDatabase database,
        CancellationToken ct) =>
        slot.Documents is not { } scorecards ? await Missing(http)
        : await BadScorecardUrlAsync(unit, month, http, database, ct) is { } bad ? bad
        : Results.File(await scorecards.IssueAsync(unit, month, IssuedBy.WebAdmin(http.User.Identity!.Name!), ct), "application/pdf",
                SafeFileName.Of("phieu-diem", unit, month) + ".pdf");

    /// <summary>400 for a month that is not YYYY-MM, 404 for a unit the warehouse does not have; null when the URL is good.</summary>
    private static async Task<IResult?> BadScorecardUrlAsync(string unit, string month, HttpContext http, WarehouseDatabase database, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return await PageResults.MessageAsync(http, "Phiếu điểm tháng", "Tháng phải có dạng YYYY-MM, ví dụ 2026-09.", StatusCodes.Status400BadRequest);
        if (!(await new DashboardQueries(database).UnitsAsync(ct)).Any(u => u.Code == unit))
            return await PageResults.MessageAsync(http, "Phiếu điểm tháng", "Không có đơn vị này trong kho dữ liệu.", StatusCodes.Status404NotFound);
        return null;
    }

    private static Task<IResult> Missing(HttpContext http) =>
        PageResults.MessageAsync(http, "Phiếu điểm tháng", ScorecardsMissing.Message, StatusCodes.Status501NotImplemented);

    private static string Render(QuickReport report) => Application.QuickReport.QuickReportText.Render(report);

    private static DateOnly Day(string? text, DataClock clock) => text is null
        ? clock.Today
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new FormatException($"'{text}' không phải ngày dạng YYYY-MM-DD.");
}
