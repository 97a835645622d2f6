using System.Text;
using Dapper;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Hostile;

/// <summary>Issue 17, point 3: text from the sources that a spreadsheet would run as a formula comes out of every CSV
/// export neutralised (a leading apostrophe, quoted), while numbers, negative ones included, stay numbers.</summary>
public sealed class CsvInjectionTests
{
    private const string Hyperlink = "=HYPERLINK(\"\"http://x\"\",\"\"y\"\")";
    private const string Command = "=cmd|' /C calc'!A0";

    private static string With(int i, params (string Column, string Value)[] changes) => OnestopFile.RowWith(i, changes);

    /// <summary>A warehouse holding one October dossier of TNI.SYT whose procedure and field names are formulas, and one
    /// quarantined row whose late reason is one.</summary>
    private static async Task<TempWarehouse> PoisonedAsync()
    {
        var w = await TempWarehouse.InitializedAsync();
        var file = Path.Combine(w.Directory, "cong-thuc.csv");
        await File.WriteAllLinesAsync(file,
        [
            OnestopFile.Header,
            With(279, ("procedure_name", $"\"{Hyperlink}\""), ("field_code", "CT"), ("field_name", "@SUM(A1)")),
            With(281, ("status", "99"), ("late_reason", Command)),
        ], new UTF8Encoding(false));
        var ingest = await IwProcess.RunAsync("ingest", "onestop", file, "--as-of", OnestopFile.AsOf, "--db", w.DbPath);
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        var build = await IwProcess.RunAsync("build", "--all", "--db", w.DbPath);
        Assert.True(build.ExitCode == 0, build.Stderr);
        return w;
    }

    [Fact]
    public async Task Point3_Bieu06Csv_NeutralisesFormulaText()
    {
        await using var w = await PoisonedAsync();
        var output = Path.Combine(w.Directory, "bieu06");

        var result = await IwProcess.RunAsync("export", "bieu06", "--period", "2026-10", "--agency", "TNI.SYT", "--format", "csv", "--out", output, "--db", w.DbPath);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(output, "*.csv")));
        Assert.Contains(",\"'@SUM(A1)\",", text);
        Assert.DoesNotContain(",@SUM", text);
    }

    [Fact]
    public async Task Point3_DrillDownCsv_NeutralisesFormulaText()
    {
        await using var w = await PoisonedAsync();
        var file = Path.Combine(w.Directory, "chi-tiet.csv");

        var result = await IwProcess.RunAsync("drilldown", "--agency", "TNI.SYT", "--period", "2026-10", "--indicator", "received_total", "--out", file, "--db", w.DbPath);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", text);
        Assert.Contains(",\"'@SUM(A1)\",", text);
    }

    [Fact]
    public async Task Point3_QuarantineExport_NeutralisesFormulaText_AndRetryLoadsTheOriginalText()
    {
        await using var w = await PoisonedAsync();
        var file = Path.Combine(w.Directory, "sua-loi.csv");

        var export = await IwProcess.RunAsync("quarantine", "export", "--out", file, "--db", w.DbPath);

        Assert.True(export.ExitCode == 0, export.Stderr);
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains(",\"'=cmd|' /C calc'!A0\",", text);
        await File.WriteAllTextAsync(file, text.Replace(",99,", ",10,"), new UTF8Encoding(true));
        var retry = await IwProcess.RunAsync("quarantine", "retry", file, "--db", w.DbPath);
        Assert.True(retry.ExitCode == 0, retry.Stderr);
        await using var c = await w.OpenAsync();
        Assert.Equal(Command, await c.ExecuteScalarAsync<string>("SELECT late_reason FROM fact_dossier WHERE dossier_code = 'TNI-0000281'"));
    }

    private const string Query = "SELECT '=1+1' AS f, -5 AS n, '-5' AS t, '@x' AS a, '+3.5' AS p, char(9) || 'x' AS tab, 'ok' AS plain";
    private const string Expected = "\"'=1+1\",-5,-5,\"'@x\",+3.5,\"'\tx\",ok";

    [Fact]
    public async Task Point3_IwSqlCsv_NeutralisesFormulaTextButNotNumbers()
    {
        await using var w = await TempWarehouse.InitializedAsync();

        var result = await IwProcess.RunAsync("sql", Query, "--format", "csv", "--db", w.DbPath);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["f,n,t,a,p,tab,plain", Expected], result.Stdout.TrimEnd().Split("\r\n"));
    }

    [Fact]
    public async Task Point3_SqlPageCsv_NeutralisesFormulaTextButNotNumbers()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        await using var server = await RunningServer.StartAsync(w.Settings);

        var response = await RunningServer.PostFormAsync(server.Client(RunningServer.AnalystName), "sql", "sql/csv", ("sql", Query), ("limit", "100"));

        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.Equal(["f,n,t,a,p,tab,plain", Expected], text.TrimEnd().Split("\r\n"));
    }
}
