using System.Text.RegularExpressions;
using IndicatorWarehouse.Warehouse.Build;

namespace IndicatorWarehouse.Tests.Warehouse;

/// <summary>What the measure build sends with each statement. Dapper sends every entry of a parameter dictionary, and
/// SQL Server runs a command with parameters inside sp_executesql, which drops the temp tables created there on return:
/// a step carries the parameters its text names, and no others.</summary>
public sealed partial class MeasureBuildPlanTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("sqlserver")]
    public void Plan_EveryParameterAStepNames_IsCarriedWithIt(string dialect)
    {
        var plan = MeasureBuilder.Plan(dialect, new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 10, 31), 7, "v1", 1, true, true, true);

        Assert.All(plan, step => Assert.All(ParameterName().Matches(step.Sql).Select(m => m.Groups[1].Value),
            name => Assert.True(step.Parameters.ContainsKey(name), $"{step.Name}: @{name} has no value")));
    }

    [Fact]
    public void Plan_SqlServerStepsThatCreateTempTables_CarryNoParameter()
    {
        var plan = MeasureBuilder.Plan("sqlserver", new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 10, 31), 7, "v1", 1, true, true, true);
        var creating = plan.Where(step => step.Sql.Contains("CREATE TABLE #", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(creating);
        Assert.All(creating, step => Assert.Empty(step.Parameters));
    }

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterName();
}
