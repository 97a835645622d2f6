using System.Globalization;
using System.Text.Json;
using IndicatorWarehouse.Application.Analysis;
using IndicatorWarehouse.Domain.Index766;
using IndicatorWarehouse.Domain.Targets;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Measures;

/// <summary>`iw measures` output: JSON and CSV carry exactly the contract's fields (for programs); the table is
/// for people: Vietnamese names, decimal comma, "—" for no data, and a first line that says when the period is still
/// open and its figures provisional.</summary>
public static class MeasuresFormatter
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="rules">the 766 rules, for the table to say how much of a partial 766 score was scored</param>
    /// <param name="provisionalMark">"tạm tính đến 20/11/2026" for an open period (<see cref="MeasuresQuery.ProvisionalMarkAsync"/>)</param>
    public static void Write(IReadOnlyList<MeasureRow> rows, string format, TextWriter output, Index766Rules? rules = null,
        string? provisionalMark = null)
    {
        switch (format)
        {
            case "json":
                output.WriteLine(JsonSerializer.Serialize(rows.Select(Contract), new JsonSerializerOptions { WriteIndented = true }));
                break;
            case "csv":
                ResultFormatter.WriteCsv(new QueryResult(
                    ["agency_code", "period", "indicator", "numerator", "denominator", "value", "target", "gap", "status"],
                    rows.Select(r => new object?[] { r.agency_code, r.period, r.indicator, r.numerator, r.denominator, r.value, r.target, r.gap, r.status }).ToList(),
                    false), output);
                break;
            case "table":
                if (provisionalMark is not null) output.WriteLine($"Số liệu {provisionalMark} — kỳ chưa kết thúc, còn thay đổi đến hết kỳ.");
                WriteTable(rows, output, rules);
                break;
            default:
                throw new ArgumentException($"Unknown format '{format}': use json, csv or table.");
        }
    }

    private static object Contract(MeasureRow r) => new
    {
        r.agency_code, r.period, r.indicator, r.numerator, r.denominator, r.value, r.target, r.gap, r.status,
    };

    private static void WriteTable(IReadOnlyList<MeasureRow> rows, TextWriter output, Index766Rules? rules)
    {
        var width = rows.Count == 0 ? 10 : rows.Max(r => r.name_vi.Length);
        output.WriteLine($"{"Chỉ tiêu".PadRight(width)} | {"Giá trị",12} | {"Tử số",10} | {"Mẫu số",10} | {"Mục tiêu",9} | Tình trạng");
        output.WriteLine(new string('-', width + 70));
        foreach (var r in rows)
            output.WriteLine($"{r.name_vi.PadRight(width)} | {Number(r.value, r.unit),12} | {Number(r.numerator, "count"),10} | " +
                             $"{Number(r.denominator, "count"),10} | {Number(r.target, r.unit),9} | {(r.status is { } status ? TargetAssessment.LabelVi(status, rules?.CoverageOf(r.indicator, r.denominator)) : "")}{(r.conflict_note is null ? "" : " (mâu thuẫn mục tiêu)")}{r.estimate_note}");
        if (rows.Count == 0) output.WriteLine("(không có dữ liệu — chưa chạy `iw build`?)");
    }

    private static string Number(double? v, string unit) => v switch
    {
        null => "—",
        _ when unit == "percent" => v.Value.ToString("0.0", Vi) + " %",
        _ when unit == "points" => v.Value.ToString("0.00", Vi),
        _ => v.Value.ToString("#,0.##", Vi),
    };
}
