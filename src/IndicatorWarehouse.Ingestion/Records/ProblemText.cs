using System.Globalization;

namespace IndicatorWarehouse.Ingestion.Records;

/// <summary>How a problem with a source file or row is worded: Vietnamese first for the staff who correct it, then " / " and the English.</summary>
public static class ProblemText
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"vietnamese / english".</summary>
    public static string Of(string vietnamese, string english) => $"{vietnamese} / {english}";

    /// <summary>A count as Vietnamese write it: 1.500.</summary>
    public static string Count(long value) => value.ToString("N0", Vietnamese);

    /// <summary>A number as Vietnamese write it: 150.000,5.</summary>
    public static string Number(double value) => value.ToString("#,##0.##########", Vietnamese);
}
