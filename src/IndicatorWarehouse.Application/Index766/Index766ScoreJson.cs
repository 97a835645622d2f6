using System.Text.Encodings.Web;
using System.Text.Json;
using IndicatorWarehouse.Domain.Index766;

namespace IndicatorWarehouse.Application.Index766;

/// <summary>Writes 766 score rows as the JSON of <c>iw index766 score</c>:
/// <c>[{"unit","period","metric","score","max_score"}]</c>, points rounded to 2 decimals (only here, for reading).</summary>
public static class Index766ScoreJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(IEnumerable<ScoreRow> rows, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(
            rows.Select(r => new OutputRow(r.Unit, r.Period, r.Metric, Round(r.Score), Round(r.MaxScore)!.Value)), Options));

    private static double? Round(double? points) => points is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null;

    private sealed record OutputRow(string Unit, string Period, string Metric, double? Score, double MaxScore);
}
