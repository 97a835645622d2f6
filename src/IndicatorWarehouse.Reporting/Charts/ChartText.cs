using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>The text styles every chart uses, so all charts of a report look alike.</summary>
internal static class ChartText
{
    public static readonly TextStyle Label = new(11, ReportPalette.Text);
    public static readonly TextStyle Tick = new(9.5, ReportPalette.MutedText);
    public static readonly TextStyle Value = new(10.5, ReportPalette.Text, Bold: true);
    public static readonly TextStyle Note = new(9.5, ReportPalette.MutedText);
    public static readonly TextStyle Missing = new(10, ReportPalette.MutedText, Italic: true);
    public static readonly TextStyle OnColor = new(9.5, "#ffffff", Anchor: "middle", Bold: true);
}
