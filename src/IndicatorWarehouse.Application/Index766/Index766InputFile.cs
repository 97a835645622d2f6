using System.Text.Json;
using IndicatorWarehouse.Domain.Index766;

namespace IndicatorWarehouse.Application.Index766;

/// <summary>The JSON input of <c>iw index766 score</c>:
/// <c>[{"unit","period","metric","numerator","denominator","ratio","params":{}}]</c>. A file that does not fit is an
/// <see cref="InvalidDataException"/> naming the file, the element and the field.</summary>
public static class Index766InputFile
{
    public static IReadOnlyList<MetricInput> Read(string path)
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
            return [.. document.RootElement.EnumerateArray().Select((element, index) => Element(element, $"[{index}]", path))];
        }
    }

    /// <summary>Reads and scores the file; a figure the rules refuse is reported against the file too.</summary>
    public static IReadOnlyList<ScoreRow> Score(string path, Index766Rules rules)
    {
        var inputs = Read(path);
        try
        {
            return new Index766Scorer(rules).Score(inputs);
        }
        catch (ArgumentException e)
        {
            throw Bad(path, e.Message, e);
        }
    }

    private static MetricInput Element(JsonElement element, string at, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Bad(path, $"{at}: cần một đối tượng / expected an object");
        return new MetricInput(Text(element, "unit", at, path), Text(element, "period", at, path), Text(element, "metric", at, path),
            Number(element, "numerator", at, path), Number(element, "denominator", at, path), Number(element, "ratio", at, path),
            Params(element, at, path));
    }

    private static string Text(JsonElement element, string field, string at, string path) =>
        element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text : throw Bad(path, $"{at}.{field}: cần một chuỗi khác rỗng / expected a non-empty string");

    private static double? Number(JsonElement element, string field, string at, string path) =>
        !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw Bad(path, $"{at}.{field}: cần một số hoặc null / expected a number or null");

    private static Dictionary<string, double>? Params(JsonElement element, string at, string path)
    {
        if (!element.TryGetProperty("params", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) throw Bad(path, $"{at}.params: cần một đối tượng / expected an object");
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in value.EnumerateObject())
        {
            // A param given as null is absent: the rule then treats its ratio as having no data.
            if (Number(value, p.Name, $"{at}.params", path) is { } number) result[p.Name] = number;
        }
        return result;
    }

    private static InvalidDataException Bad(string path, string problem, Exception? inner = null) =>
        new($"{path}: {problem}", inner);
}
