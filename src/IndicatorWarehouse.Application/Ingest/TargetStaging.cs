using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Indicators;
using IndicatorWarehouse.Domain.Targets;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Application.Ingest;

/// <summary>Targets → <c>stg_target</c>. A target naming an indicator the catalog does not have, a unit the reference
/// file does not know (other than '*', every unit), a rate above 100 %, or a period that cannot be read, goes to
/// quarantine rather than being silently dropped — the same checks figures pass.</summary>
internal sealed class TargetStaging(IndicatorCatalog catalog, IReadOnlySet<string> agencies)
{
    public static readonly LoadTarget Target = new("load/target.sql", "stg_target",
    [
        "agency_code", "indicator_code", "period_spec", "start_key", "end_key", "comparator", "target_value",
        "source_document", "clause",
    ]) { Key = ["agency_code", "indicator_code", "period_spec", "source_document", "clause"] };

    public IEnumerable<StagedRow> Stage(IEnumerable<RowOutcome<TargetRecord>> rows) => Staging.Of(rows.Select(Check), Values);

    private RowOutcome<TargetRecord> Check(RowOutcome<TargetRecord> row)
    {
        if (row.Record is not { } t || row.Problem is not null) return row;
        var key = PlanRecordKey.Of(t.AgencyCode, t.Indicator, t.Period);
        if (t.AgencyCode != "*" && !agencies.Contains(t.AgencyCode))
            return row with { Problem = new RowProblem(key, "agency_code", Staging.UnknownAgency(t.AgencyCode)) };
        if (!catalog.Contains(t.Indicator))
            return row with { Problem = new RowProblem(key, "indicator", Staging.NotInCatalog(t.Indicator)) };
        if (catalog[t.Indicator].IsRate && t.Value > 100)
            return row with { Problem = new RowProblem(key, "value", Staging.NotAPercent(t.Value)) };
        try { TargetPeriod.Parse(t.Period); }
        catch (FormatException e)
        {
            return row with { Problem = new RowProblem(key, "period", ProblemText.Of($"'{t.Period}' không phải kỳ chỉ tiêu hợp lệ", e.Message)) };
        }
        return row;
    }

    private static object?[] Values(TargetRecord t)
    {
        var period = TargetPeriod.Parse(t.Period);
        return
        [
            t.AgencyCode, t.Indicator, period.Spec, DateKey.Of(period.Start), DateKey.Of(period.End), t.Comparator, t.Value,
            t.SourceDocument, t.Clause,
        ];
    }
}
