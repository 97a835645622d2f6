using System.CommandLine;

namespace IndicatorWarehouse.Cli;

/// <summary>The <c>--format table|csv|json</c> option of the commands that print a result table.</summary>
internal static class FormatOption
{
    public static Option<string> Create()
    {
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        return format;
    }
}
