using System.Globalization;

namespace IndicatorWarehouse.Application.Operations;

/// <summary>Timestamps as the operations commands print them: dd/MM/yyyy HH:mm for people (the table), ISO 8601 for
/// programs (CSV, JSON).</summary>
internal static class OperationsFormat
{
    public static string? Stamp(DateTime? t, bool forPeople) => t?.ToString(
        forPeople ? "dd'/'MM'/'yyyy HH':'mm" : "yyyy-MM-dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);

    public static bool ForPeople(string format) => format == "table";
}
