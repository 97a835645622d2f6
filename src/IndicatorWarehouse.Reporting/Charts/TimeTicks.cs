using System.Globalization;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>Which dates of a time axis get a label, written MM/yyyy (or yyyy for yearly values), at each date's day number.</summary>
internal static class TimeTicks
{
    /// <summary>Room one MM/yyyy label needs, so that labels never touch.</summary>
    private const double LabelSpacing = 58;

    public static double X(DateOnly date) => date.DayNumber;

    public static IEnumerable<(double Position, string Label)> For(IReadOnlyList<DateOnly> dates, double plotWidth, bool yearly)
    {
        var every = Math.Max(1, (int)Math.Ceiling(dates.Count / Math.Max(1, Math.Floor(plotWidth / LabelSpacing))));
        for (var i = Offset(dates, every); i < dates.Count; i += every)
            yield return (X(dates[i]), yearly ? dates[i].Year.ToString(CultureInfo.InvariantCulture) : ViFormat.Month(dates[i]));
    }

    /// <summary>When only every n-th date is labelled, shift the labels so that they fall on Januaries where they can.</summary>
    private static int Offset(IReadOnlyList<DateOnly> dates, int every)
    {
        for (var i = 0; i < dates.Count; i++)
            if (dates[i].Month == 1) return i % every;
        return 0;
    }
}
