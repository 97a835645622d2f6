using IndicatorWarehouse.Ingestion.Records;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Web;

namespace IndicatorWarehouse.Ingestion.Http;

/// <summary>Pulls every page of a JSON endpoint and writes the records as one JSON array file in a drop folder,
/// so an HTTP snapshot then takes the same road as a file (hashing, profile, validation). The file appears
/// only when complete: it is written under a temporary name and renamed at the end.</summary>
public sealed class HttpSnapshotFetcher(HttpClient client, TimeProvider? clock = null)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <returns>The path of the written file.</returns>
    public async Task<string> FetchToFileAsync(HttpSourceOptions options, string dropFolder, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(dropFolder);
        var stamp = (clock ?? TimeProvider.System).GetLocalNow();
        var path = Path.Combine(dropFolder, $"{options.Name}-{stamp:yyyyMMdd-HHmmss}.json");
        var partial = path + ".part";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var writer = new Utf8JsonWriter(file, WriterOptions))
            {
                writer.WriteStartArray();
                await WritePagesAsync(options, writer, cancel);
                writer.WriteEndArray();
            }
            File.Move(partial, path, overwrite: true);
            return path;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private async Task WritePagesAsync(HttpSourceOptions options, Utf8JsonWriter writer, CancellationToken cancel)
    {
        var url = options.Paging is HttpPaging.ByPageNumber numbered ? PageUrl(options.Url, numbered, numbered.FirstPage) : options.Url;
        for (var page = 1; url is not null; page++)
        {
            using var document = await GetPageAsync(url, options, page, cancel);
            var items = Items(document.RootElement, options, url, page);
            var count = items.GetArrayLength();
            // One page past the limit is fetched only to tell "exactly at the limit" from "more than the limit".
            if (page > options.MaxPages)
            {
                if (count > 0) throw new HttpSourceException($"{options.Url}: " + ProblemText.Of(
                    $"nguồn có hơn {options.MaxPages} trang; nâng giới hạn số trang nếu đúng là như vậy",
                    $"the source has more than {options.MaxPages} pages; raise the page limit if that is expected"));
                return;
            }
            foreach (var item in items.EnumerateArray()) item.WriteTo(writer);
            await writer.FlushAsync(cancel);
            url = options.Paging switch
            {
                HttpPaging.ByPageNumber p => count < p.PageSize ? null : PageUrl(options.Url, p, p.FirstPage + page),
                HttpPaging.ByNextLink n => NextLink(document.RootElement, n, url),
                _ => null,
            };
        }
    }

    private async Task<JsonDocument> GetPageAsync(Uri url, HttpSourceOptions options, int page, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        if (options.AuthHeaderName is { Length: > 0 } name) request.Headers.TryAddWithoutValidation(name, options.AuthHeaderValue);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
        }
        catch (HttpRequestException e)
        {
            throw new HttpSourceException($"{url}: " + ProblemText.Of("không kết nối được tới nguồn", $"cannot reach the source ({e.Message})"), e, transient: true);
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new HttpSourceException($"{url}: " + ProblemText.Of(
                    $"nguồn từ chối thông tin xác thực (HTTP {(int)response.StatusCode}); kiểm tra tiêu đề xác thực trong cấu hình",
                    $"the source refused the credentials (HTTP {(int)response.StatusCode} {response.ReasonPhrase}); "
                    + $"check the auth header{(options.AuthHeaderName is null ? " (none is configured)" : $" '{options.AuthHeaderName}' and its value")}"));
            if (!response.IsSuccessStatusCode)
                throw new HttpSourceException($"{url}: " + ProblemText.Of($"trang {page} lỗi HTTP {(int)response.StatusCode}",
                        $"page {page} failed with HTTP {(int)response.StatusCode} {response.ReasonPhrase}"),
                    transient: (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancel);
                return await JsonDocument.ParseAsync(body, cancellationToken: cancel);
            }
            catch (JsonException e)
            {
                throw new HttpSourceException($"{url}: " + ProblemText.Of($"trang {page} không phải JSON hợp lệ", $"page {page} is not JSON ({e.Message})"), e);
            }
        }
    }

    private static JsonElement Items(JsonElement page, HttpSourceOptions options, Uri url, int number)
    {
        if (page.ValueKind == JsonValueKind.Array) return page;
        if (page.ValueKind != JsonValueKind.Object)
            throw new HttpSourceException($"{url}: " + ProblemText.Of($"trang {number} không phải mảng JSON, cũng không phải đối tượng chứa mảng",
                $"page {number} is neither a JSON array nor an object holding one"));
        if (options.ItemsField is null)
            throw new HttpSourceException($"{url}: " + ProblemText.Of($"trang {number} là một đối tượng JSON; khai báo trường chứa danh sách bản ghi (items field)",
                $"page {number} is a JSON object; set the items field to the property that holds the records"));
        return page.TryGetProperty(options.ItemsField, out var items) && items.ValueKind == JsonValueKind.Array
            ? items
            : throw new HttpSourceException($"{url}: " + ProblemText.Of($"trang {number} không có mảng '{options.ItemsField}'",
                $"page {number} has no array property '{options.ItemsField}'"));
    }

    private static Uri? NextLink(JsonElement page, HttpPaging.ByNextLink paging, Uri current) =>
        page.ValueKind == JsonValueKind.Object && page.TryGetProperty(paging.NextField, out var next)
            && next.ValueKind == JsonValueKind.String && next.GetString() is { Length: > 0 } link
            ? new Uri(current, link)
            : null;

    private static Uri PageUrl(Uri first, HttpPaging.ByPageNumber paging, int page)
    {
        var builder = new UriBuilder(first);
        var query = HttpUtility.ParseQueryString(builder.Query);
        query[paging.PageParameter] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        query[paging.SizeParameter] = paging.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Query = query.ToString();
        return builder.Uri;
    }
}
