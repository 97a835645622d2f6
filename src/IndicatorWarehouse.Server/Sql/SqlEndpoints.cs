using System.Data.Common;
using System.Diagnostics;
using System.Text;
using IndicatorWarehouse.Application.Analysis;
using IndicatorWarehouse.Application.Exports;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Server.Pages;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Dialects;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Sql;

/// <summary>The analysts' SQL page: one read-only statement on the read-only connection (<see cref="AdHocQuery"/>),
/// a row limit, the result as a table or as a CSV download.</summary>
public static class SqlEndpoints
{
    public static void MapSql(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/sql").RequireAuthorization(Roles.AnalystPolicy);
        group.MapGet("", Form);
        group.MapPost("", Run).AddEndpointFilter<AntiforgeryCheck>();
        group.MapPost("/csv", Csv).AddEndpointFilter<AntiforgeryCheck>();
    }

    /// <summary>The form, with <c>?q=</c> written into it when a link brings a query along (nothing runs until posted).</summary>
    private static Task<IResult> Form(string? q, HttpContext http) =>
        PageResults.HtmlAsync<SqlPage>(http, q is null ? [] : new() { ["Sql"] = q });

    private static async Task<IResult> Run(HttpContext http, WarehouseDatabase database, SqlPageConfig config, CancellationToken ct)
    {
        var (sql, limit) = await FormAsync(http, ct);
        var clock = Stopwatch.StartNew();
        QueryResult? result = null;
        string? error = null;
        try
        {
            result = await Query(database, config).RunAsync(sql, limit, ct);
        }
        catch (Exception e) when (Refusal(database, e) is { } refusal)
        {
            error = refusal;
        }
        return await PageResults.HtmlAsync<SqlPage>(http, new()
        {
            ["Sql"] = sql, ["Limit"] = limit, ["Result"] = result, ["Error"] = error, ["ElapsedMs"] = clock.Elapsed.TotalMilliseconds,
        }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>The whole result, streamed as it is read (the page's row limit is for the screen), as UTF-8 CSV with a
    /// byte-order mark so spreadsheet programs read the Vietnamese text as UTF-8. A limit hit once rows have gone out
    /// aborts the response: a cut file must not pass for the whole result.</summary>
    private static async Task<IResult> Csv(HttpContext http, WarehouseDatabase database, SqlPageConfig config, CancellationToken ct)
    {
        var (sql, limit) = await FormAsync(http, ct);
        StreamWriter? csv = null;
        try
        {
            await Query(database, config).StreamAsync(sql, new Dictionary<string, object?>(), async columns =>
            {
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"truy-van_{database.Clock.Now:yyyyMMdd-HHmmss}.csv\"";
                csv = new StreamWriter(http.Response.Body, SafeCsv.Utf8WithBom, leaveOpen: true);
                await csv.WriteAsync(SafeCsv.Line(columns) + "\r\n");
            }, async row =>
            {
                await csv!.WriteAsync(SafeCsv.Line(row) + "\r\n");
                return true;
            }, ct);
            await csv!.FlushAsync(ct);
            return Results.Empty;
        }
        catch (Exception e) when (Refusal(database, e) is { } error)
        {
            if (!http.Response.HasStarted && csv is null)
                return await PageResults.HtmlAsync<SqlPage>(http, new() { ["Sql"] = sql, ["Limit"] = limit, ["Error"] = error }, StatusCodes.Status400BadRequest);
            http.Abort();
            return Results.Empty;
        }
        finally
        {
            if (csv is not null) await csv.DisposeAsync();
        }
    }

    private static async Task<(string Sql, int Limit)> FormAsync(HttpContext http, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var limit = int.TryParse(form["limit"], out var n) && SqlPage.Limits.Contains(n) ? n : SqlPage.Limits[1];
        return (form["sql"].ToString(), limit);
    }

    private static AdHocQuery Query(WarehouseDatabase database, SqlPageConfig config) => new(database, TimeSpan.FromSeconds(config.TimeoutSeconds));

    /// <summary>What the page says when a statement is refused or stopped; null for failures that are not the statement's
    /// (a busy warehouse gets the 503 page).</summary>
    private static string? Refusal(WarehouseDatabase database, Exception e) => e switch
    {
        ReadOnlyViolationException => "Bị từ chối: " + e.Message,
        QueryLimitException => "Đã dừng: " + e.Message,
        DbException when !database.Dialect.IsTransient(e) => "Lỗi SQL: " + e.Message,
        _ => null,
    };
}
