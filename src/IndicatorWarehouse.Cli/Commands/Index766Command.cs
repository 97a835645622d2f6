using System.CommandLine;
using IndicatorWarehouse.Application.Index766;
using IndicatorWarehouse.Application.Setup;

namespace IndicatorWarehouse.Cli.Commands;

internal static class Index766Command
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "JSON array of metric figures: [{\"unit\",\"period\",\"metric\",\"numerator\",\"denominator\",\"ratio\",\"params\":{}}]", Required = true };
        var score = new Command("score", "Chấm điểm Bộ chỉ số 766 từ số liệu các chỉ số; in ra JSON / score 766 metric figures, print JSON") { input };
        CommandAction.Set(score, (parse, _) =>
        {
            var rows = Index766InputFile.Score(parse.GetValue(input)!, ReferenceFiles.Default().Index766Rules());
            Index766ScoreJson.Write(rows, Console.Out);
            return Task.FromResult(CommandAction.Ok);
        }, WarehouseUse.None);
        return new Command("index766", "Bộ chỉ số 766 (Quyết định 766/QĐ-TTg)") { score };
    }
}
