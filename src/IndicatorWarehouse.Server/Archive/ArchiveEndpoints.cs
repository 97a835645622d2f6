using IndicatorWarehouse.Application.Archive;
using IndicatorWarehouse.Server.Access;
using IndicatorWarehouse.Server.Pages;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Server.Archive;

/// <summary><c>GET /archive</c>: the reports issued, newest first, revisions beside their originals;
/// <c>GET /archive/{id}</c>: one issue's file exactly as it was issued (refused when it no longer matches its hash).</summary>
public static class ArchiveEndpoints
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".csv"] = "text/csv; charset=utf-8",
    };

    public static void MapArchive(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Roles.ViewPolicy);
        group.MapGet("/archive", async (string? kind, string? scope, string? period, HttpContext http, WarehouseDatabase database, CancellationToken ct) =>
            await PageResults.HtmlAsync<ArchivePage>(http, new()
            {
                ["Issues"] = await new IssuedReports(database).ListAsync(Blank(kind), Blank(scope), Blank(period), ct),
            }));
        group.MapGet("/archive/{id:long}", async (long id, HttpContext http, WarehouseDatabase database, CancellationToken ct) =>
        {
            try
            {
                var (info, content) = await new IssuedReports(database).FileAsync(id, ct);
                return Results.File(content, ContentTypes.GetValueOrDefault(Path.GetExtension(info.FileName), "application/octet-stream"), info.FileName);
            }
            catch (KeyNotFoundException e)
            {
                return await PageResults.MessageAsync(http, "Không tìm thấy", e.Message, StatusCodes.Status404NotFound);
            }
            catch (InvalidDataException e)
            {
                return await PageResults.MessageAsync(http, "Tệp lưu trữ đã bị thay đổi", e.Message, StatusCodes.Status409Conflict);
            }
        });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
