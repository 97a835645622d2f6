using System.CommandLine;
using IndicatorWarehouse.Application.Index766;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Index766;

namespace IndicatorWarehouse.Cli.Commands;

internal static class Index766Command
{
    public static Command Create()
    {
        var score = new Command("score", "Chấm điểm Bộ chỉ số 766 từ số liệu các chỉ số; in ra JSON / score 766 metric figures, print JSON");
        var levers = new Command("levers",
            "Cần thêm bao nhiêu để mỗi chỉ số đạt điểm tối đa; in ra JSON / how many more of each metric's count reach its maximum, as JSON");
        Set(score, Index766InputFile.Score, (scoring, output) => Index766ScoreJson.Write(scoring.Rows, output), s => s.Rows.Count, s => s.Rejected);
        Set(levers, Index766InputFile.Levers, (found, output) => Index766ScoreJson.Write(found.Levers, output), l => l.Levers.Count, l => l.Rejected);
        return new Command("index766", "Bộ chỉ số 766 (Quyết định 766/QĐ-TTg)") { score, levers };
    }

    /// <summary>Both subcommands read the portal's file alike: what they can use goes to stdout, each refused row to
    /// stderr, and the exit code is 0 when anything was scored.</summary>
    private static void Set<T>(Command command, Func<string, Index766Rules, T> run, Action<T, TextWriter> write,
        Func<T, int> count, Func<T, IReadOnlyList<RejectedInput>> rejected)
    {
        var input = new Option<string>("--input")
        {
            Description = "JSON array of metric figures: [{\"unit\",\"period\",\"metric\",\"numerator\",\"denominator\",\"ratio\",\"params\":{}}]",
            Required = true,
        };
        command.Add(input);
        CommandAction.Set(command, (parse, _) =>
        {
            var path = parse.GetValue(input)!;
            var result = run(path, ReferenceFiles.Default().Index766Rules());
            Index766ScoreJson.WriteRefused(path, rejected(result), Console.Error);
            if (count(result) == 0)
            {
                Console.Error.WriteLine($"{path}: không chấm được dòng nào / nothing could be scored");
                return Task.FromResult(CommandAction.Failed);
            }
            write(result, Console.Out);
            return Task.FromResult(CommandAction.Ok);
        }, WarehouseUse.None);
    }
}
