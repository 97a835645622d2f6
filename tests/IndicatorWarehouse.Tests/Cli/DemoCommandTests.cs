using System.Text.Json;
using System.Text.RegularExpressions;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Tests.Reporting.Pdf;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Cli;

/// <summary>`iw demo` run once, small, in a child process, for the tests that read what it made.</summary>
public sealed class DemoRun : IAsyncLifetime
{
    public string Output { get; } = Path.Combine(Path.GetTempPath(), "iw-demo-" + Guid.NewGuid().ToString("N")[..12]);
    public IwProcess.Result Run { get; private set; } = null!;
    public string Db => Path.Combine(Output, "warehouse.db");

    public string Scorecard(string agency, string month) => Path.Combine(Output, "reports", "phieu-diem", $"phieu-diem_{agency}_{month}.pdf");

    public async Task InitializeAsync() =>
        Run = await IwProcess.RunAsync("demo", "--out", Output, "--dossiers-per-year", "1500", "--years", "2025-2026");

    public Task DisposeAsync()
    {
        if (Directory.Exists(Output)) Directory.Delete(Output, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>`iw demo` end to end: it prints with its own Chromium, so it runs with the other printing tests.</summary>
[Collection(ChromiumCollection.Name)]
public sealed partial class DemoCommandTests(DemoRun demo) : IClassFixture<DemoRun>
{
    private const string Sở = "TNI.SYT";

    [Fact]
    public async Task Demo_SmallProvince_WritesWarehouseScorecardsOfEverySởRankingReviewAndQuickReportsAndArchivesTheIssued()
    {
        var output = demo.Output;
        var departments = ReferenceFiles.Default().Agencies()
            .Where(a => a is { ProvinceCode: "TNI", Level: "department", ValidTo: null }).Select(a => a.Code).Order().ToList();
        var run = demo.Run;

        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.True(File.Exists(demo.Db));
        Assert.True(File.Exists(Path.Combine(output, "sources", "onestop_2025.csv")));
        Assert.Equal(departments.Select(d => $"phieu-diem_{d}_2026-10.pdf").Append("phieu-diem_TNI.SYT_2026-11.pdf").Order(),
            Directory.GetFiles(Path.Combine(output, "reports", "phieu-diem")).Select(Path.GetFileName).Order());
        Assert.True(File.Exists(Path.Combine(output, "reports", "xep-hang_TNI_2026-10.pdf")));
        Assert.True(File.Exists(Path.Combine(output, "reports", "xu-huong_TNI_2025-2026.pdf")));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(output, "reports", "bao-cao-nhanh"), "*.pdf").Length);
        Assert.Contains("phieu-diem_TNI.SYT_2026-10.pdf", run.Stdout);
        Assert.Contains("xu-huong_TNI_2025-2026.pdf", run.Stdout);
        var text = await ExternalTool.OutputOfAsync("pdftotext", demo.Scorecard(Sở, "2026-10"), "-");
        Assert.Contains("Sở Y tế Tây Ninh", text);
        // The demo prints its own fixed day, whenever it runs; only the month still open at the data's as-of is provisional.
        Assert.Contains("Ngày lập: 20/11/2026", text);
        Assert.DoesNotContain("tạm tính", text);
        var open = await ExternalTool.OutputOfAsync("pdftotext", demo.Scorecard(Sở, "2026-11"), "-");
        Assert.Contains("Số liệu tạm tính đến 20/11/2026", open);
        var archive = await IwProcess.RunAsync("archive", "list", "--format", "csv", "--db", demo.Db);
        var issued = archive.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[1]).ToList();
        Assert.Equal(departments.Count + 1, issued.Count(kind => kind == "scorecard"));
        Assert.Equal(1, issued.Count(kind => kind == "ranking"));
        Assert.Equal(1, issued.Count(kind => kind == "review"));
    }

    /// <summary>The levers section of Sở Y tế's October scorecard, read back, lists what `iw levers` finds in the same
    /// warehouse for the groups `iw measures` shows below their plan target: each count needed, in the same order.</summary>
    [Fact]
    public async Task Demo_SởYTếScorecard_LeversSectionNamesTheCountsTheWarehouseGives()
    {
        Assert.True(demo.Run.ExitCode == 0, demo.Run.Stderr);
        var expected = await ExpectedLeversAsync("2026-10");

        var section = LeverSection(await FlatTextAsync(demo.Scorecard(Sở, "2026-10")));

        Assert.NotEmpty(expected);
        var positions = expected.Select(lever =>
        {
            var at = section.IndexOf(lever, StringComparison.Ordinal);
            Assert.True(at >= 0, $"«{lever}» is not in the levers section: {section}");
            return at;
        }).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(expected.Count, Regex.Matches(section, @"cần thêm \d").Count);
        Assert.DoesNotContain("tạm tính", section);
    }

    /// <summary>The month still open: the section says its counts are provisional, and lists what the warehouse gives
    /// for it (or says in one line that nothing can be raised).</summary>
    [Fact]
    public async Task Demo_SởYTếOpenMonthScorecard_LeversSectionSaysItsCountsAreProvisional()
    {
        Assert.True(demo.Run.ExitCode == 0, demo.Run.Stderr);
        var expected = await ExpectedLeversAsync("2026-11");

        var section = LeverSection(await FlatTextAsync(demo.Scorecard(Sở, "2026-11")));

        Assert.Contains("Số đếm tạm tính đến 20/11/2026", section);
        Assert.Equal(expected.Count, Regex.Matches(section, @"cần thêm \d").Count);
        Assert.All(expected, lever => Assert.Contains(lever, section));
        if (expected.Count == 0) Assert.Contains("Không có tiêu chí nào của các nhóm chưa đạt mục tiêu", section);
    }

    /// <summary>"Số hóa hồ sơ · Tái sử dụng dữ liệu đã số hóa: cần thêm 2 để đạt 2/2 điểm (+2 điểm) · hiện có 0/2" for
    /// each lever `iw levers --format json` gives whose group `iw measures` shows short of its target (or, without
    /// one, of its maximum), in the order `iw levers` ranks them.</summary>
    private async Task<List<string>> ExpectedLeversAsync(string period)
    {
        var rules = ReferenceFiles.Default().Index766Rules();
        var levers = await JsonOfAsync("levers", "--agency", Sở, "--period", period, "--format", "json", "--db", demo.Db);
        var groups = (await JsonOfAsync("measures", "--agency", Sở, "--period", period, "--format", "json", "--db", demo.Db))
            .EnumerateArray().ToDictionary(m => m.GetProperty("indicator").GetString()!);
        bool BelowTarget(string group)
        {
            var row = groups[$"index766_{group}"];
            return row.GetProperty("target").ValueKind == JsonValueKind.Null
                ? row.GetProperty("value").GetDouble() < rules.Groups.Single(g => g.Code == group).Max
                : row.GetProperty("status").GetString() != "dat";
        }
        return levers.EnumerateArray().Select(l =>
        {
            rules.TryGetMetric(l.GetProperty("metric").GetString()!, out var rule);
            return (Lever: l, Rule: rule);
        }).Where(x => BelowTarget(x.Rule.Group)).Select(x =>
        {
            var max = ViFormat.Compact(x.Lever.GetProperty("max_score").GetDouble());
            return $"{rules.Groups.Single(g => g.Code == x.Rule.Group).NameVi} · {x.Rule.NameVi}: " +
                   $"cần thêm {ViFormat.Count(x.Lever.GetProperty("needed").GetInt64())} để đạt {max}/{max} điểm " +
                   $"(+{ViFormat.Compact(x.Lever.GetProperty("points_gained").GetDouble())} điểm) · " +
                   $"hiện có {ViFormat.Compact(x.Lever.GetProperty("numerator").GetDouble())}/{ViFormat.Compact(x.Lever.GetProperty("denominator").GetDouble())}";
        }).ToList();
    }

    private static async Task<JsonElement> JsonOfAsync(params string[] args)
    {
        var run = await IwProcess.RunAsync(args);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    private static async Task<string> FlatTextAsync(string pdf) =>
        Regex.Replace(await ExternalTool.OutputOfAsync("pdftotext", pdf, "-"), @"\s+", " ");

    /// <summary>From the section's title to the next section's.</summary>
    private static string LeverSection(string text)
    {
        var section = LeverSectionPattern().Match(text);
        Assert.True(section.Success, $"no levers section: {text}");
        return section.Value;
    }

    [GeneratedRegex("Để tăng điểm Bộ chỉ số 766.*?Xu hướng 24 tháng")]
    private static partial Regex LeverSectionPattern();
}
