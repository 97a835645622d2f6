using System.Data.Common;
using System.Diagnostics;
using System.Text;
using IndicatorWarehouse.Application.Analysis;
using IndicatorWarehouse.Server.Access;
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

    private static async Task<IResult> Run(HttpContext http, WarehouseDatabase database, CancellationToken ct)
    {
        var (sql, limit) = await FormAsync(http, ct);
        var clock = Stopwatch.StartNew();
        var (result, error) = await QueryAsync(database, sql, limit, ct);
        return await PageResults.HtmlAsync<SqlPage>(http, new()
        {
            ["Sql"] = sql, ["Limit"] = limit, ["Result"] = result, ["Error"] = error, ["ElapsedMs"] = clock.Elapsed.TotalMilliseconds,
        }, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Csv(HttpContext http, WarehouseDatabase database, CancellationToken ct)
    {
        var (sql, limit) = await FormAsync(http, ct);
        var (result, error) = await QueryAsync(database, sql, limit, ct);
        if (result is null)
            return await PageResults.HtmlAsync<SqlPage>(http, new() { ["Sql"] = sql, ["Limit"] = limit, ["Error"] = error }, StatusCodes.Status400BadRequest);
        var text = new StringWriter();
        ResultFormatter.WriteCsv(result, text);
        // The byte-order mark makes spreadsheet programs read the Vietnamese text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"truy-van_{database.Clock.Now:yyyyMMdd-HHmmss}.csv");
    }

    private static async Task<(string Sql, int Limit)> FormAsync(HttpContext http, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var limit = int.TryParse(form["limit"], out var n) && SqlPage.Limits.Contains(n) ? n : SqlPage.Limits[1];
        return (form["sql"].ToString(), limit);
    }

    private static async Task<(QueryResult? Result, string? Error)> QueryAsync(WarehouseDatabase database, string sql, int limit, CancellationToken ct)
    {
        try
        {
            return (await new AdHocQuery(database).RunAsync(sql, limit, ct), null);
        }
        catch (ReadOnlyViolationException e)
        {
            return (null, "Bị từ chối: " + e.Message);
        }
        catch (DbException e)
        {
            return (null, "Lỗi SQL: " + e.Message);
        }
    }
}
