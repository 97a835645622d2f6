using System.Globalization;

namespace IndicatorWarehouse.Reporting.Formatting;

/// <summary>How numbers and dates are written for people (vi-VN): decimal comma, dd/MM/yyyy, and "—" for no data.</summary>
public static class ViFormat
{
    /// <summary>What a missing value is shown as; never 0.</summary>
    public const string Missing = "—";

    /// <summary>What <see cref="Missing"/> means, for tooltips and legends.</summary>
    public const string MissingLabel = "không có dữ liệu";

    // Written out rather than taken from CultureInfo("vi-VN") so that reports do not depend on the ICU data of the machine.
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    /// <summary>1.234,5 with a fixed number of decimals; null is "—".</summary>
    /// <remarks>Halves round away from zero (97,25 → 97,3) as people and spreadsheets do; .NET formatting alone rounds them to even.</remarks>
    public static string Number(double? value, int decimals = 1) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals, Numbers) : Missing;

    /// <summary>A count: 1.234; null is "—".</summary>
    public static string Count(long? value) => value is { } v ? v.ToString("N0", Numbers) : Missing;

    /// <summary>A value already in percent (97.5, not 0.975): "97,5 %"; null is "—".</summary>
    public static string Percent(double? percent, int decimals = 1) =>
        percent is { } p ? Number(p, decimals) + " %" : Missing;

    /// <summary>A difference with its sign: "+1,2", "-0,5", "0,0"; null is "—".</summary>
    public static string Signed(double? value, int decimals = 1)
    {
        if (value is not { } v) return Missing;
        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        return (rounded > 0 ? "+" : "") + Number(rounded == 0 ? 0 : rounded, decimals);
    }

    /// <summary>Up to two decimals, trailing zeros dropped: "100", "97,5", "1.000" (axis ticks).</summary>
    public static string Compact(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,##0.##", Numbers);

    /// <summary>dd/MM/yyyy; null is "—".</summary>
    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : Missing;

    /// <summary>dd/MM/yyyy HH:mm; null is "—".</summary>
    public static string Timestamp(DateTime? moment) =>
        moment is { } m ? m.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : Missing;

    /// <summary>MM/yyyy, as months are written on axes.</summary>
    public static string Month(DateOnly date) => date.ToString("MM/yyyy", CultureInfo.InvariantCulture);
}
