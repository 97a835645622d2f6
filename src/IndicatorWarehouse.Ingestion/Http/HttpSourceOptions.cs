namespace IndicatorWarehouse.Ingestion.Http;

/// <summary>Where and how to pull one snapshot from a JSON endpoint.</summary>
/// <param name="Url">The first page.</param>
public sealed record HttpSourceOptions(Uri Url)
{
    /// <summary>Start of the written file's name: <c>{Name}-{yyyyMMdd-HHmmss}.json</c>.</summary>
    public string Name { get; init; } = "http";

    /// <summary>A header sent with every request, e.g. <c>Authorization</c> / <c>Bearer …</c> or <c>X-Api-Key</c>.</summary>
    public string? AuthHeaderName { get; init; }
    public string? AuthHeaderValue { get; init; }

    public HttpPaging Paging { get; init; } = HttpPaging.SinglePage;

    /// <summary>When a page is a JSON object, the property holding its array of records (e.g. <c>data</c>);
    /// a page that is itself an array needs none.</summary>
    public string? ItemsField { get; init; }

    /// <summary>A guard against a source that never stops paging: more pages than this fail the pull.</summary>
    public int MaxPages { get; init; } = 1000;
}

/// <summary>How the endpoint splits a snapshot into pages.</summary>
public abstract record HttpPaging
{
    public static HttpPaging SinglePage { get; } = new Single();

    /// <summary>Everything comes in one response.</summary>
    public sealed record Single : HttpPaging;

    /// <summary>Page number and size as query parameters; a page shorter than the size is the last.</summary>
    public sealed record ByPageNumber(string PageParameter = "page", string SizeParameter = "size", int PageSize = 500, int FirstPage = 1) : HttpPaging;

    /// <summary>Each page names the next one (absolute or relative URL) in a property; none or empty ends it.</summary>
    public sealed record ByNextLink(string NextField = "next") : HttpPaging;
}
