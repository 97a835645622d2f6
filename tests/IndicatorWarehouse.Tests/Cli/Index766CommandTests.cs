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

    /// <summary>The portal's export as it comes: an aggregate row per unit, a text parameter the rule does not use, an
    /// unknown metric, an impossible row and a text where a used parameter should be a number.</summary>
    [Fact]
    public async Task Score_PortalExport_ScoresWhatItCanAndNamesEachRefusedRow()
    {
        File.WriteAllText(_input, """
            [
              {"unit": "H56", "period": "2026-Q1", "metric": "PROGRESS", "params": {"totalOnTime": 45, "totalReceived": 50}},
              {"unit": "H56", "period": "2026-Q1", "metric": "ONLINE_SERVICE", "ratio": 80},
              {"unit": "H56", "period": "2026-Q1", "metric": "DOSSIER_SYNC", "numerator": 90, "denominator": 120, "params": {"dataQualityStatus": "GOOD"}},
              {"unit": "H56", "period": "2026-Q1", "metric": "NEW_PORTAL_METRIC", "ratio": 50},
              {"unit": "H56", "period": "2026-Q1", "metric": "PUBLISH_ON_TIME", "numerator": 70, "denominator": 50},
              {"unit": "H57", "period": "2026-Q1", "metric": "PROGRESS", "params": {"totalOnTime": "bốn", "totalReceived": 50}}
            ]
            """);

        var run = await IwProcess.RunAsync("index766", "score", "--input", _input);

        Assert.Equal(0, run.ExitCode);
        var rows = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["H56"], rows.Select(r => r.GetProperty("unit").GetString()).Distinct());
        Assert.Equal(22.5, rows.Single(r => r.GetProperty("metric").GetString() == "TOTAL").GetProperty("score").GetDouble());   // 18 + 4,5
        var refused = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, refused.Length);
        Assert.Contains($"{_input} [1]: ONLINE_SERVICE: dòng tổng hợp", refused[0]);
        Assert.Contains($"{_input} [3]: không có chỉ số 766 'NEW_PORTAL_METRIC'", refused[1]);
        Assert.Contains($"{_input} [4]: PUBLISH_ON_TIME: tử số 70 lớn hơn mẫu số 50", refused[2]);
        Assert.Contains($"{_input} [5]: params.totalOnTime: cần một số", refused[3]);
    }

    [Fact]
    public async Task Score_NothingScorable_FailsNamingEveryRow()
    {
        File.WriteAllText(_input, """[{"period": "2026-Q1", "metric": "PROGRESS"}, {"unit": "H56", "period": "2026-Q1", "metric": "NOT_A_METRIC"}]""");

        var run = await IwProcess.RunAsync("index766", "score", "--input", _input);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{_input} [0]: unit: cần một chuỗi", run.Stderr);
        Assert.Contains($"{_input} [1]: không có chỉ số 766 'NOT_A_METRIC'", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("""{"unit": "H56"}""", "array")]
    [InlineData("""[{"unit": "H56",""", "JSON")]
    public async Task Score_NotAJsonArray_IsRefusedWhole(string content, string named)
    {
        File.WriteAllText(_input, content);

        var run = await IwProcess.RunAsync("index766", "score", "--input", _input);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(_input, run.Stderr);
        Assert.Contains(named, run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Levers_PortalFile_PrintsWhatEachMetricNeeds()
    {
        File.WriteAllText(_input, """
            [
              {"unit": "H56", "period": "2026-Q1", "metric": "PROGRESS", "params": {"totalOnTime": 47, "totalReceived": 50}},
              {"unit": "H56", "period": "2026-Q1", "metric": "ELECTRONIC_CERTIFIED_COPY", "ratio": 75},
              {"unit": "H56", "period": "2026-Q1", "metric": "ONLINE_SERVICE", "ratio": 75}
            ]
            """);

        var run = await IwProcess.RunAsync("index766", "levers", "--input", _input);

        Assert.Equal(0, run.ExitCode);
        var levers = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("metric").GetString()!);
        var progress = levers["PROGRESS"];
        Assert.Equal((18.8, 20.0, 47.0, 50.0), (progress.GetProperty("score").GetDouble(), progress.GetProperty("max_score").GetDouble(),
            progress.GetProperty("numerator").GetDouble(), progress.GetProperty("denominator").GetDouble()));
        Assert.Equal((3, 1.2), (progress.GetProperty("needed").GetInt64(), progress.GetProperty("points_gained").GetDouble()));
        Assert.Equal(JsonValueKind.Null, levers["ELECTRONIC_CERTIFIED_COPY"].GetProperty("needed").ValueKind);   // only a ratio: no count
        Assert.Equal(2, levers.Count);
        Assert.Contains($"{_input} [2]: ONLINE_SERVICE", run.Stderr);
    }

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    public void Dispose() => File.Delete(_input);
}
