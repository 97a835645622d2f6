using System.Globalization;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Application.Ingest;

/// <summary>The most a duration or count of one record may be (<c>reference/value_bounds.csv</c>: data, as the province
/// may change it): a value above its bound is a typing or export error, and left in it would move figures
/// (<c>supplement_wait_days=100000</c> turns a late dossier into an early one). Such a row is quarantined.</summary>
public sealed class ValueBounds(IReadOnlyList<ValueBound> bounds)
{
    /// <summary>The rows, each record checked against the bounds of <paramref name="source"/>;
    /// <paramref name="value"/> gives a record's value of a field by its canonical name.</summary>
    internal IEnumerable<RowOutcome<T>> Check<T>(IEnumerable<RowOutcome<T>> rows, SourceKind source, Func<T, string, double> value) where T : class
    {
        var mine = bounds.Where(b => b.Source == source.Code()).ToList();
        foreach (var row in rows)
        {
            var over = row.Record is { } record && row.Problem is null
                ? mine.Where(b => value(record, b.Field) > b.Max).Select(b => (b, Value: value(record, b.Field))).ToList()
                : [];
            yield return over.Count == 0 ? row : row with
            {
                Problem = new RowProblem(row.Problem?.RecordKey ?? KeyOf(row.Record), string.Join(", ", over.Select(o => o.b.Field)),
                    string.Join("; ", over.Select(o => $"{o.b.Field}: " + ProblemText.Of(
                        $"{ProblemText.Number(o.Value)} vượt giới hạn {ProblemText.Number(o.b.Max)} ({o.b.Why})",
                        string.Create(CultureInfo.InvariantCulture, $"{o.Value} is over the bound {o.b.Max} (reference/value_bounds.csv)"))))),
            };
        }
    }

    private static string? KeyOf(object? record) => record switch
    {
        DossierRecord d => d.DossierCode,
        DigitizationRecord d => d.DossierCode,
        _ => null,
    };
}

/// <summary>One row of <c>value_bounds.csv</c>.</summary>
public sealed record ValueBound(string Source, string Field, double Max, string Why);
