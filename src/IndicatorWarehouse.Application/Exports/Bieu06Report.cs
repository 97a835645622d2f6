using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Reporting.Templates.Shared;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Exports;

/// <summary>What a row of Biểu 06 stands for: a level subtotal, a unit (subtotal of its fields), a field, or the grand total.</summary>
public enum Bieu06RowKind { Level, Unit, Field, Total }

/// <summary>One row of Biểu 06 as printed: its number (I, 1, 1.2), its label and its counts.</summary>
/// <param name="LevelLabel">The level (cấp) the row belongs to; null on the grand total.</param>
public sealed record Bieu06Row(Bieu06RowKind Kind, string Number, string Label, string? LevelLabel,
    string? AgencyCode, string? FieldCode, Bieu06Counts Counts);

/// <summary>Biểu 06 for one period and scope: rows grouped by level, each unit followed by its fields, then the grand total.</summary>
/// <param name="Scope">Who reports: the unit, the province's people's committee, or all units.</param>
/// <param name="DataAsOf">The data's as-of (the latest of the one-stop, PAKN and digitization loads); null when none was loaded.</param>
public sealed record Bieu06Report(Period Period, string Scope, string ScopeCode, DateTime? DataAsOf, IReadOnlyList<Bieu06Row> Rows)
{
    public Bieu06Row Total => Rows[^1];

    /// <summary>Set when this issue revises an earlier one of the same scope and period ("Bản điều chỉnh").</summary>
    public RevisionNote? Revision { get; init; }

    /// <summary>Every count cell under a stable key (row, then column code) with the words a revision note names it
    /// with: a field row is named with its unit.</summary>
    public IEnumerable<(string Key, long Value, string Label)> Cells()
    {
        string? unit = null;
        foreach (var row in Rows)
        {
            if (row.Kind == Bieu06RowKind.Unit) unit = row.Label;
            var (key, label) = row.Kind switch
            {
                Bieu06RowKind.Level => ($"level:{row.LevelLabel}", row.Label),
                Bieu06RowKind.Unit => (row.AgencyCode!, row.Label),
                Bieu06RowKind.Field => ($"{row.AgencyCode}/{row.FieldCode}", $"{unit} — {row.Label}"),
                _ => ("total", row.Label),
            };
            foreach (var column in Bieu06Columns.Counts)
                yield return ($"{key}|{column.Code}", column.Value(row.Counts), $"{label}, {column.Group} ({column.Header})");
        }
    }

    /// <summary>"Kỳ báo cáo: Quý III/2026 (01/07/2026–30/09/2026)"; reporting periods already name their days.</summary>
    public string PeriodLine => Period.Grain.IsReporting()
        ? PeriodLabel.Vietnamese(Period)
        : $"Kỳ báo cáo: {PeriodLabel.Vietnamese(Period)} ({Period.Start:dd/MM/yyyy}–{Period.End:dd/MM/yyyy})";

    public string AsOfLine => DataAsOf is { } t
        ? $"Số liệu cập nhật đến {t:HH:mm} ngày {t:dd/MM/yyyy}" + (ProvisionalMark is { } mark ? $" — {mark.ToUpperInvariant()} (kỳ chưa kết thúc)" : "")
        : "Chưa nạp dữ liệu hồ sơ một cửa";

    /// <summary>"tạm tính đến 20/11/2026" while the period is open at the data's as-of; null once it is closed.</summary>
    public string? ProvisionalMark => Provisional.Mark(Period.End, DataAsOf);
}
