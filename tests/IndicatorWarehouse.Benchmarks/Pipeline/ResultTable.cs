using System.Globalization;
using System.Text;

namespace IndicatorWarehouse.Benchmarks.Pipeline;

/// <summary>One line of the results: our figure, the baseline measured in the same run, their ratio, the target.</summary>
internal sealed record ResultRow(string Step, Measured Ours, string Rate, string Baseline, Measured? BaselineRun, string BaselineRate,
    double? Ratio, string Target, bool? Met);

/// <summary>The results as a markdown table, with the step traces that explain them.</summary>
internal static class ResultTable
{
    public static string Markdown(PipelineOptions options, IReadOnlyList<ResultRow> rows, IReadOnlyList<(string Title, string Text)> notes,
        string machine)
    {
        var md = new StringBuilder();
        md.AppendLine($"### Pipeline, {options.Dossiers:N0} dossiers ({DateTime.Now:yyyy-MM-dd HH:mm})").AppendLine()
            .AppendLine(machine).AppendLine()
            .AppendLine("| step | ours | rate | peak RSS | baseline (same run) | baseline | baseline rate | ratio | target | met |")
            .AppendLine("|---|---:|---:|---:|---|---:|---:|---:|---|---|");
        foreach (var r in rows)
            md.AppendLine(string.Join(" | ", "", r.Step, Seconds(r.Ours), r.Rate, $"{r.Ours.PeakRssMb:N0} MB", r.Baseline,
                r.BaselineRun is { } b ? Seconds(b) : "—", r.BaselineRate, r.Ratio is { } x ? $"{x:0.00}×" : "—", r.Target,
                r.Met switch { true => "yes", false => "**no**", null => "—" }, "").Trim());
        foreach (var (title, text) in notes)
            md.AppendLine().AppendLine($"<details><summary>{title}</summary>").AppendLine().AppendLine("```")
                .AppendLine(text.TrimEnd()).AppendLine("```").AppendLine("</details>");
        return md.ToString();
    }

    public static string PerSecond(double count, double seconds) =>
        (count / Math.Max(seconds, 1e-9)).ToString("N0", CultureInfo.InvariantCulture) + "/s";

    private static string Seconds(Measured m) => $"{m.Seconds:N1} s";
}
