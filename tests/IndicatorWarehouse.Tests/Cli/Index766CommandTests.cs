using System.Text.Json;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Cli;

public sealed class Index766CommandTests : IDisposable
{
    private readonly string _input = Path.Combine(Path.GetTempPath(), $"iw-766-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Score_ValidFile_PrintsMetricGroupAndTotalRows()
    {
        File.WriteAllText(_input, """
            [
              {"unit": "H56", "period": "2026-Q1", "metric": "PROGRESS", "params": {"totalOnTime": 45, "totalReceived": 50}},
              {"unit": "H56", "period": "2026-Q1", "metric": "ELECTRONIC_CERTIFIED_COPY", "ratio": 75},
              {"unit": "H56", "period": "2026-Q1", "metric": "PUBLIC_CONTENT_FULL", "numerator": 1, "denominator": 3},
              {"unit": "H56", "period": "2026-Q1", "metric": "DOSSIER_SYNC", "numerator": 0, "denominator": 0}
            ]
            """);

        var run = await IwProcess.RunAsync("index766", "score", "--input", _input);

        Assert.Equal(0, run.ExitCode);
        var rows = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("metric").GetString()!, r => (Score: Number(r.GetProperty("score")), Max: r.GetProperty("max_score").GetDouble()));
        Assert.Equal((18, 20), rows["PROGRESS"]);                        // 20 × 45/50
        Assert.Equal((1.5, 2), rows["ELECTRONIC_CERTIFIED_COPY"]);       // 2 × 0.75
        Assert.Equal((0.67, 2), rows["PUBLIC_CONTENT_FULL"]);            // 2 × 1/3, rounded to 2 decimals
        Assert.Equal((null, 6), rows["DOSSIER_SYNC"]);                   // no dossiers: no score
        Assert.Equal((0.67, 2), rows["GROUP:transparency"]);             // DOSSIER_SYNC's 6 left out
        Assert.Equal((20.17, 24), rows["TOTAL"]);                        // 18 + 1.5 + 0.667 against 20 + 2 + 2
        Assert.Equal(4 + 7 + 1, rows.Count);
    }

    [Theory]
    [InlineData("""[{"unit": "H56", "period": "2026-Q1", "metric": "PROGRESS", "numerator": 1, "denominator": 2}, {"unit": "H56", "period": "2026-Q1", "metric": "DOSSIER_SYNC", "numerator": "many", "denominator": 2}]""", "[1].numerator")]
    [InlineData("""[{"period": "2026-Q1", "metric": "PROGRESS"}]""", "[0].unit")]
    [InlineData("""[{"unit": "H56", "period": "2026-Q1", "metric": "NOT_A_METRIC"}]""", "NOT_A_METRIC")]
    [InlineData("""{"unit": "H56"}""", "array")]
    [InlineData("""[{"unit": "H56",""", "JSON")]
    public async Task Score_BadFile_FailsNamingFileAndPlace(string content, string named)
    {
        File.WriteAllText(_input, content);

        var run = await IwProcess.RunAsync("index766", "score", "--input", _input);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(_input, run.Stderr);
        Assert.Contains(named, run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    public void Dispose() => File.Delete(_input);
}
