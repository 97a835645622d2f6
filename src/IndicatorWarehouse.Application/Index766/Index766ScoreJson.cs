using System.Text.Encodings.Web;
using System.Text.Json;
using IndicatorWarehouse.Domain.Index766;

namespace IndicatorWarehouse.Application.Index766;

/// <summary>Writes the JSON of <c>iw index766 score</c> (<c>[{"unit","period","metric","score","max_score"}]</c>) and
/// <c>iw index766 levers</c> (<c>[{…,"numerator","denominator","needed","points_gained"}]</c>), points rounded to 2
/// decimals (only here, for reading), and the rows refused on stderr.</summary>
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
            rows.Select(r => new ScoreOutput(r.Unit, r.Period, r.Metric, Round(r.Score), Round(r.MaxScore)!.Value)), Options));

    public static void Write(IEnumerable<Lever> levers, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(
            levers.Select(l => new LeverOutput(l.Unit, l.Period, l.Metric, Round(l.Score), Round(l.MaxScore)!.Value,
                l.Numerator, l.Denominator, l.Needed, Round(l.PointsGained))), Options));

    /// <summary>One line per refused row: "FILE [index]: reason".</summary>
    public static void WriteRefused(string path, IEnumerable<RejectedInput> rejected, TextWriter errors)
    {
        foreach (var r in rejected) errors.WriteLine($"{path} [{r.Index}]: {r.Reason}");
    }

    private static double? Round(double? points) => points is { } p ? Math.Round(p, 2, MidpointRounding.AwayFromZero) : null;

    private sealed record ScoreOutput(string Unit, string Period, string Metric, double? Score, double MaxScore);

    private sealed record LeverOutput(string Unit, string Period, string Metric, double? Score, double MaxScore,
        double? Numerator, double? Denominator, long? Needed, double? PointsGained);
}
