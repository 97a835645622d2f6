using System.Globalization;

namespace IndicatorWarehouse.Warehouse;

/// <summary>The one text form of a local timestamp the warehouse writes (e.g. 2026-10-08T09:15:00): SQLite stores
/// it as is and compares it as text, SQL Server converts it to datetime2.</summary>
public static class IsoTime
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    public static string Text(DateTime t) => t.ToString(Format, CultureInfo.InvariantCulture);
}
