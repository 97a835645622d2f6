using System.Globalization;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Dashboards;

/// <summary>The filter values a dashboard page runs with, and the SQL parameters they become: <c>@unit</c>,
/// <c>@from</c>/<c>@to</c> (months, YYYY-MM), <c>@from_year</c>/<c>@to_year</c> (YYYY) and <c>@from_key</c>/<c>@to_key</c>
/// (first and last day, yyyymmdd).</summary>
public sealed record DashboardFilter(string? Unit, DateOnly From, DateOnly To)
{
    public string FromMonth => Month(From);
    public string ToMonth => Month(To);

    /// <summary>The last day the filter shows: the end of its last month.</summary>
    public DateOnly LastDay => To.AddMonths(1).AddDays(-1);

    public IReadOnlyDictionary<string, object?> Parameters => new Dictionary<string, object?>
    {
        ["unit"] = Unit,
        ["from"] = FromMonth,
        ["to"] = ToMonth,
        ["from_year"] = From.Year.ToString(CultureInfo.InvariantCulture),
        ["to_year"] = To.Year.ToString(CultureInfo.InvariantCulture),
        ["from_key"] = Key(From),
        ["to_key"] = Key(LastDay),
    };

    /// <summary>Replaces <c>{unit}</c>, <c>{from}</c> and <c>{to}</c> in a link of the dashboard file.</summary>
    public string Expand(string template) => template
        .Replace("{unit}", Uri.EscapeDataString(Unit ?? ""), StringComparison.Ordinal)
        .Replace("{from}", FromMonth, StringComparison.Ordinal)
        .Replace("{to}", ToMonth, StringComparison.Ordinal);

    /// <summary>The filter from the query string, checked; a missing value takes the dashboard's default.</summary>
    public static DashboardFilter Resolve(DashboardFile dashboard, string? unit, string? from, string? to,
        IReadOnlyList<UnitChoice> units, string? latestMonth, DateOnly today)
    {
        string? chosen = null;
        if (dashboard.Filters.Contains("unit"))
        {
            chosen = unit ?? dashboard.DefaultUnit ?? units.FirstOrDefault()?.Code;
            if (chosen is not null && units.All(u => u.Code != chosen))
                throw new ArgumentException($"Không có đơn vị '{chosen}'.");
        }
        var end = to is null ? (latestMonth is null ? new DateOnly(today.Year, today.Month, 1) : ParseMonth(latestMonth)) : ParseMonth(to);
        var start = from is null ? end.AddMonths(1 - dashboard.Months) : ParseMonth(from);
        if (start > end) throw new ArgumentException($"Từ tháng {Month(start)} sau đến tháng {Month(end)}.");
        return new DashboardFilter(chosen, start, end);
    }

    private static DateOnly ParseMonth(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ArgumentException($"'{text}' không phải tháng dạng YYYY-MM.");

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    private static int Key(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;
}
