using System.Text.Json;
using IndicatorWarehouse.Domain.Index766;

namespace IndicatorWarehouse.Application.Index766;

/// <summary>The JSON input of <c>iw index766 score|levers</c>, as the national portal exports it:
/// <c>[{"unit","period","metric","numerator","denominator","ratio","params":{}}]</c>. Only a file that is not JSON, or
/// not an array, is refused whole (an <see cref="InvalidDataException"/> naming the file); a row that cannot be read or
/// scored is refused alone, by its position, and the rest is scored.</summary>
public static class Index766InputFile
{
    /// <summary>Scores every row it can; <see cref="Index766Scoring.Rejected"/> holds the others, by position in the file.</summary>
    public static Index766Scoring Score(string path, Index766Rules rules)
    {
        var file = Read(path, rules);
        var scoring = new Index766Scorer(rules).Score(file.Inputs);
        return new Index766Scoring(scoring.Rows, file.Refused(scoring.Rejected));
    }

    /// <summary>The lever of every row it can score; the others by position in the file.</summary>
    public static (IReadOnlyList<Lever> Levers, IReadOnlyList<RejectedInput> Rejected) Levers(string path, Index766Rules rules)
    {
        var file = Read(path, rules);
        var (levers, rejected) = Index766Levers.Find(rules, file.Inputs);
        return (levers, file.Refused(rejected));
    }

    /// <summary>The rows read, each with its position in the file, and those that could not be read.</summary>
    private sealed record InputRows(List<MetricInput> Inputs, List<int> Positions, List<RejectedInput> Unreadable)
    {
        /// <summary>The unreadable rows and the scorer's refusals (positions among the rows read), in file order.</summary>
        public IReadOnlyList<RejectedInput> Refused(IEnumerable<RejectedInput> byScorer) =>
            [.. Unreadable.Concat(byScorer.Select(r => r with { Index = Positions[r.Index] })).OrderBy(r => r.Index)];
    }

    private static InputRows Read(string path, Index766Rules rules)
    {
        using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw Bad(path, $"không phải JSON hợp lệ / not valid JSON ({e.Message})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw Bad(path, "cần một mảng JSON / expected a JSON array");
            var rows = new InputRows([], [], []);
            foreach (var (element, index) in document.RootElement.EnumerateArray().Select((e, i) => (e, i)))
            {
                try
                {
                    rows.Inputs.Add(Element(element, rules));
                    rows.Positions.Add(index);
                }
                catch (FormatException e)
                {
                    rows.Unreadable.Add(new RejectedInput(index, e.Message));
                }
            }
            return rows;
        }
    }

    private static MetricInput Element(JsonElement element, Index766Rules rules)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new FormatException("cần một đối tượng / expected an object");
        var metric = Text(element, "metric");
        return new MetricInput(Text(element, "unit"), Text(element, "period"), metric,
            Number(element, "numerator"), Number(element, "denominator"), Number(element, "ratio"),
            rules.TryGetMetric(metric, out var rule) ? Params(element, rule) : null);
    }

    private static string Text(JsonElement element, string field) =>
        element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text : throw new FormatException($"{field}: cần một chuỗi khác rỗng / expected a non-empty string");

    private static double? Number(JsonElement element, string field, string? at = null) =>
        !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) ? number
        : throw new FormatException($"{at ?? field}: cần một số hoặc null / expected a number or null, not {Shown(value)}");

    /// <summary>The params the metric's rule reads; the portal sends others (text such as <c>dataQualityStatus</c>),
    /// which are none of the score's business whatever their type.</summary>
    private static Dictionary<string, double>? Params(JsonElement element, MetricRule rule)
    {
        if (!element.TryGetProperty("params", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) throw new FormatException("params: cần một đối tượng / expected an object");
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in rule.UsedParams)
        {
            // A param given as null is absent: the rule then treats its ratio as having no data.
            if (Number(value, name, $"params.{name}") is { } number) result[name] = number;
        }
        return result;
    }

    private static string Shown(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "…";
    }

    private static InvalidDataException Bad(string path, string problem) => new($"{path}: {problem}");
}
