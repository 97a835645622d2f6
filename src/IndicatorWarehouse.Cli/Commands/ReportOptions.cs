using System.CommandLine;
using IndicatorWarehouse.Application.Demo;
using IndicatorWarehouse.Application.Reports;

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

    /// <summary>Prints an issue's files, and when it is a revision, how many figures changed and which rules.</summary>
    public static void PrintIssued(IssuedReport issued)
    {
        foreach (var path in issued.Paths) Console.WriteLine(path);
        var status = issued.Status;
        if (!status.IsRevision) return;
        Console.WriteLine($"Bản điều chỉnh lần {status.RevisionNo}: {status.Changes.Count} số liệu thay đổi so với bản phát hành {status.PreviousIssuedAt:dd/MM/yyyy HH:mm}.");
        if (status.RuleChanges.Count > 0)
            Console.WriteLine("Quy tắc thay đổi: " + string.Join("; ", status.RuleChanges.Select(r => r.Describe())));
    }

    /// <summary>--province, default TNI (the province the synthetic sources describe).</summary>
    public static Option<string> Province() =>
        new("--province") { Description = "province code", DefaultValueFactory = _ => DemoService.Province };
}
