using System.Text;

namespace IndicatorWarehouse.Reporting.Formatting;

/// <summary>The colours shared by charts and page styles, kept in one place so both always agree.</summary>
public static class ReportPalette
{
    public const string FontFamily = "'DejaVu Sans', sans-serif";

    public const string Met = "#2e7d32";
    public const string NotMet = "#c62828";
    public const string AtRisk = "#ef8f00";
    public const string NoData = "#9e9e9e";

    public const string Early = "#43a047";
    public const string OnTime = "#1e88e5";
    public const string Late = "#e53935";

    public const string Text = "#263238";
    public const string MutedText = "#607d8b";
    public const string Grid = "#e3e7ea";
    public const string Axis = "#90a4ae";
    public const string Track = "#eceff1";
    public const string TargetLine = "#37474f";
    public const string Band = "#a5d6a7";
    public const string Accent = "#1565c0";

    /// <summary>Behind the row of the unit a report is about.</summary>
    public const string Highlight = "#fff6dc";

    /// <summary>The fill of a bar or cell that has no data (with "không có dữ liệu" beside it or in the legend).</summary>
    public const string NoDataFill = "#e4e7ea";

    /// <summary>Series colours, distinguishable with the common colour-vision deficiencies (Okabe–Ito based).</summary>
    public static IReadOnlyList<string> Series { get; } =
        ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#7f7f7f", "#000000"];

    /// <summary>Low → middle → high of a heat map where higher is better (the familiar spreadsheet scale).</summary>
    public static IReadOnlyList<string> HeatScale { get; } = ["#f8696b", "#ffeb84", "#63be7b"];

    public static string SeriesColor(int index) => Series[index % Series.Count];

    /// <summary>The palette as CSS custom properties, so the stylesheet uses the same colours as the charts.</summary>
    public static string CssVariables()
    {
        var css = new StringBuilder(":root{");
        void Var(string name, string value) => css.Append("--").Append(name).Append(':').Append(value).Append(';');
        Var("met", Met);
        Var("not-met", NotMet);
        Var("at-risk", AtRisk);
        Var("no-data", NoData);
        Var("text", Text);
        Var("muted", MutedText);
        Var("grid", Grid);
        Var("track", Track);
        Var("accent", Accent);
        Var("font", FontFamily);
        return css.Append('}').ToString();
    }
}
