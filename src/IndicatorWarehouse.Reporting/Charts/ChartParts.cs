namespace IndicatorWarehouse.Reporting.Charts;

/// <summary>One line of a chart: a value per date, null where there is no data (drawn as a gap, never as 0).
/// A reference series is not a measurement but a yardstick, e.g. the targets of one plan period: it is drawn thin,
/// with a dash at each value.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, string? Color = null, bool Reference = false);

/// <summary>A target value drawn across a chart, named as the document that sets it calls it.</summary>
public sealed record ChartTarget(double Value, string Label = "Mục tiêu");

/// <summary>A range of acceptable values shaded behind a chart.</summary>
public sealed record ChartBand(double Low, double High, string Label = "Vùng mục tiêu");

/// <summary>A dated event marked by a vertical line, e.g. the start of a plan period ("KH 2026–2030").</summary>
public sealed record ChartMarker(DateOnly At, string Label);
