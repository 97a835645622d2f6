using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Application.Ingest;

/// <summary>Turns validated source rows into staged rows: values for the valid ones, quarantine entries for the rest.</summary>
internal static class Staging
{
    public static IEnumerable<StagedRow> Of<T>(IEnumerable<RowOutcome<T>> rows, Func<T, object?[]> values) where T : class
    {
        foreach (var row in rows)
            yield return row.Record is { } record && row.Problem is null
                ? StagedRow.Valid(row.Line, values(record))
                : StagedRow.Quarantined(row.Line, row.RawJson, row.Problem?.RecordKey, row.Problem?.Field ?? "",
                    row.Problem?.Reason ?? ProblemText.Of("dòng không hợp lệ", "invalid row"));
    }

    /// <summary>Why a row naming an indicator the catalog does not have is quarantined.</summary>
    public static string NotInCatalog(string indicator) =>
        ProblemText.Of($"'{indicator}' không có trong danh mục chỉ tiêu", $"'{indicator}' is not in the indicator catalog");

    /// <summary>Why a row naming a unit the reference file does not know is quarantined (a mistyped code would report,
    /// or set a target, for nobody).</summary>
    public static string UnknownAgency(string agency) =>
        ProblemText.Of($"'{agency}' không có trong danh sách đơn vị của tệp tham chiếu (agencies.csv)",
            $"'{agency}' is not a unit of the reference file (agencies.csv)");

    /// <summary>Why a rate above 100 % is quarantined.</summary>
    public static string NotAPercent(double value) =>
        ProblemText.Of($"{ProblemText.Number(value)} không phải tỷ lệ phần trăm (0–100)", FormattableString.Invariant($"{value} is not a percent (0–100)"));
}
