using IndicatorWarehouse.Application.Docs;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Docs;

public sealed class DataDictionaryTests
{
    [Fact]
    public async Task Generate_MatchesTheCommittedDictionary()
    {
        await using var w = await TempWarehouse.InitializedAsync();

        var generated = await new DataDictionary(w.Database, ReferenceFiles.Default()).GenerateAsync();

        var committed = await File.ReadAllTextAsync(RepoPaths.Of("sql/data-dictionary.md"));
        Assert.True(committed == generated, "sql/data-dictionary.md is stale: run `iw docs --out sql/data-dictionary.md`.");
        Assert.Contains("| `on_time_rate_766` | Tỷ lệ hồ sơ giải quyết đúng hạn (Bộ chỉ số 766) |", generated);
        Assert.Contains("### `mart_indicator_monthly`", generated);
    }
}
