using System.Globalization;
using System.Xml.Linq;
using IndicatorWarehouse.Reporting.Formatting;
using static IndicatorWarehouse.Reporting.Charts.Svg;

namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>A horizontal date axis, proportional to time, labelled MM/yyyy (or yyyy for yearly data) with as many labels as fit.</summary>
internal sealed class TimeAxis(IReadOnlyList<DateOnly> dates, double left, double right, bool yearly = false)
{
    private const double MinLabelSpacing = 58;

    public bool Contains(DateOnly date) => date >= dates[0] && date <= dates[^1];

    public double Map(DateOnly date)
    {
        var span = dates[^1].DayNumber - dates[0].DayNumber;
        return span == 0 ? (left + right) / 2 : left + (date.DayNumber - dates[0].DayNumber) / (double)span * (right - left);
    }

    public XElement Labels(double baseline)
    {
        var every = Math.Max(1, (int)Math.Ceiling(dates.Count / Math.Max(1, Math.Floor((right - left) / MinLabelSpacing))));
        var offset = Offset(every);
        var group = El("g", Class("chart-x-labels"));
        for (var i = offset; i < dates.Count; i += every)
        {
            var x = Map(dates[i]);
            var label = yearly ? dates[i].Year.ToString(CultureInfo.InvariantCulture) : ViFormat.Month(dates[i]);
            // A label on the last date is centred on the plot's edge; keep it inside the chart.
            var half = TextMeasure.Width(label, ChartText.Tick.Size) / 2;
            group.Add(Line(x, baseline - 15, x, baseline - 11, ReportPalette.Axis, 1));
            group.Add(Text(Math.Min(x, right + 4 - half), baseline, label, ChartText.Tick.Middle(), Class("chart-tick")));
        }
        return group;
    }

    /// <summary>When only every n-th date is labelled, shift the labels so that they fall on Januaries where they can.</summary>
    private int Offset(int every)
    {
        for (var i = 0; i < dates.Count; i++)
            if (dates[i].Month == 1) return i % every;
        return 0;
    }
}
