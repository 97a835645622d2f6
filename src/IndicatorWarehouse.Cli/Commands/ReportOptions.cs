using System.CommandLine;
using IndicatorWarehouse.Application.Demo;

namespace IndicatorWarehouse.Cli.Commands;

/// <summary>Options the report commands share.</summary>
internal static class ReportOptions
{
    /// <summary>--format, limited to <paramref name="allowed"/>; the first is the default.</summary>
    public static Option<string> Format(params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = string.Join(" or ", allowed), DefaultValueFactory = _ => allowed[0] };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    /// <summary>--province, default TNI (the province the synthetic sources describe).</summary>
    public static Option<string> Province() =>
        new("--province") { Description = "province code", DefaultValueFactory = _ => DemoService.Province };
}
