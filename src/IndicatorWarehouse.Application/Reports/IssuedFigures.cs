using IndicatorWarehouse.Application.Archive;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Application.Reports;

/// <summary>The figures an issued report shows, what a revision is judged on: each under a stable key, with the words
/// and number style a revision note names it with ("Sở Y tế, tỷ lệ đúng hạn: 97,5 % → 96,0 %").</summary>
public sealed class IssuedFigures
{
    private readonly Dictionary<string, double?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Label, NumberStyle Style)> _labels = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, double?> Values => _values;

    /// <summary>Adds a figure; a key already added (the same figure printed twice) keeps its first value.</summary>
    public IssuedFigures Add(string key, double? value, string label, NumberStyle style)
    {
        if (_values.TryAdd(key, value)) _labels[key] = (label, style);
        return this;
    }

    /// <summary>A changed figure as a revision note lists it; one the report no longer shows is named by its key.</summary>
    public string Describe(FigureChange change)
    {
        var (label, style) = _labels.TryGetValue(change.Figure, out var known) ? known : (change.Figure, NumberStyle.Decimal);
        return $"{label}: {style.Format(change.Before)} → {style.Format(change.After)}";
    }
}
