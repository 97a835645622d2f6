using Dapper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Indicators;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;
using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Application.DrillDown;

/// <summary>One record behind a figure: whether it is in the numerator and in the denominator, and why.</summary>
public sealed record DrillDownRow(string Code, string? Title, string? Field, DateTime ReceivedAt, bool InNumerator, bool InDenominator, string Reason);

/// <summary>The records behind one unit's indicator for one period. For a count, the rows are the records
/// counted; for a rate, the rows are the denominator, each marked in or out of the numerator.</summary>
public sealed record DrillDownResult(string AgencyCode, string AgencyName, Period Period, Indicator Indicator, IReadOnlyList<DrillDownRow> Rows)
{
    public int Numerator => Rows.Count(r => r.InNumerator);
    public int? Denominator => Indicator.IsRate ? Rows.Count(r => r.InDenominator) : null;
}

/// <summary>Drill-down from a figure to its dossiers (or PAKN): what staff use to act on late dossiers.</summary>
public sealed class DrillDownService(WarehouseDatabase database, ReferenceFiles reference)
{
    private delegate (bool InDenominator, bool InNumerator, string Reason) Rule(DossierState s);

    /// <summary>Membership and reason per dossier indicator; denominators of counts are the numerator itself.</summary>
    private static readonly Dictionary<string, Rule> DossierRules = new()
    {
        ["received_total"] = s => (true, true, s.Receipt),
        ["received_online"] = s => (true, s.ReceivedInPeriod && s.Online, s.Receipt),
        ["received_offline"] = s => (true, s.ReceivedInPeriod && !s.Online, s.Receipt),
        ["carried_over"] = s => (true, !s.ReceivedInPeriod, s.Receipt),
        ["processed_total"] = s => (true, s.Processed, s.Timeliness),
        ["processed_early"] = s => (true, s.Early, s.Timeliness),
        ["processed_on_time"] = s => (true, s.OnTime, s.Timeliness),
        ["processed_late"] = s => (true, s.Late, s.Timeliness),
        ["pending_total"] = s => (true, !s.Processed, s.Timeliness),
        ["pending_within_due"] = s => (true, !s.Processed && !s.Overdue, s.Timeliness),
        ["pending_overdue"] = s => (true, s.Overdue, s.Timeliness),
        ["on_time_rate_766"] = s => (true, !s.Late && !s.Overdue, s.Timeliness),
        ["on_time_rate_onestop"] = s => (!s.Withdrawn, !s.Withdrawn && !s.Late && !s.Overdue, s.Withdrawn ? "Rút hoặc dừng xử lý: không tính theo cách một cửa" : s.Timeliness),
        ["online_rate"] = s => (s.ReceivedInPeriod, s.ReceivedInPeriod && s.Online, s.Receipt),
        ["online_payment_rate"] = s => (s.ReceivedInPeriod && s.HasFee, s.ReceivedInPeriod && s.PaidOnline, s.Payment),
        ["digitized_dossier_rate"] = s => (s.ReceivedInPeriod, s.ReceivedInPeriod && s.Digitized, s.Digitization),
        ["reuse_rate"] = s => (s.ReceivedInPeriod, s.ReceivedInPeriod && s.Reused, s.Reuse),
        ["personal_store_rate"] = s => (s.ReceivedInPeriod, s.ReceivedInPeriod && s.PersonalStore, s.DataSources),
        ["population_db_rate"] = s => (s.ReceivedInPeriod, s.ReceivedInPeriod && s.PopulationDb, s.DataSources),
        ["digitized_result_rate"] = s => (s.ResultRequired, s.ResultRequired && s.ResultElectronic, s.Result),
        ["dossier_satisfaction_rate"] = s => (true, !s.Disliked && !s.Late && !s.Overdue, s.Satisfaction),
        ["apology_rate"] = s => (s.Late, s.Late && s.Apologized, s.Apology + "; " + s.Timeliness),
    };

    public static IEnumerable<string> Indicators => DossierRules.Keys.Concat(PaknIndicators);

    private static readonly string[] PaknIndicators = ["pakn_total", "pakn_handled", "pakn_late", "pakn_on_time_rate", "pakn_satisfaction_rate"];

    public async Task<DrillDownResult> ForAsync(string agencyCode, string periodCode, string indicatorCode, CancellationToken ct = default)
    {
        var catalog = reference.Indicators();
        var indicator = catalog.Contains(indicatorCode) ? catalog[indicatorCode]
            : throw new ArgumentException($"Unknown indicator '{indicatorCode}'.");
        if (!DossierRules.ContainsKey(indicatorCode) && !PaknIndicators.Contains(indicatorCode))
            throw new ArgumentException($"'{indicatorCode}' has no drill-down: it is a score or a manually reported figure.");
        var period = Period.Parse(periodCode);
        await using var c = await database.OpenAsync(ct);
        var name = await c.ExecuteScalarAsync<string?>("SELECT agency_name FROM mart_agency WHERE agency_code = @agencyCode", new { agencyCode })
            ?? throw new ArgumentException($"Unknown unit '{agencyCode}'.");
        var queries = new DrillDownQueries(c);
        int start = DateKey.Of(period.Start), end = DateKey.Of(period.End);

        IEnumerable<DrillDownRow> rows;
        if (DossierRules.TryGetValue(indicatorCode, out var rule))
            rows = (await queries.DossiersAsync(agencyCode, start, end)).Select(d =>
            {
                var (inDen, inNum, reason) = rule(new DossierState(d, period));
                return new DrillDownRow(d.dossier_code, d.procedure_name, d.field_name, d.received_at, inNum, inDen, reason);
            });
        else
            rows = (await queries.PaknAsync(agencyCode, start, end)).Select(k =>
            {
                var (inDen, inNum, reason) = PaknRule(indicatorCode, k, end);
                return new DrillDownRow(k.feedback_code, k.category, k.channel, k.received_at, inNum, inDen, reason);
            });
        // Counts list what they count; rates list their denominator.
        var kept = rows.Where(r => indicator.IsRate ? r.InDenominator : r.InNumerator).ToList();
        return new DrillDownResult(agencyCode, name, period, indicator, kept);
    }

    private static (bool, bool, string) PaknRule(string indicator, PaknFacts k, int end)
    {
        var handled = k.handled_date_key <= end;
        var late = handled ? k.handled_date_key > k.deadline_date_key : end > k.deadline_date_key;
        var deadline = ViFormat.Date(DateKey.ToDate((int)k.deadline_date_key));
        var when = handled
            ? $"Đã xử lý {ViFormat.Date(DateKey.ToDate((int)k.handled_date_key!.Value))}, hạn {deadline}{(late ? ": quá hạn" : "")}"
            : $"Đang xử lý, hạn {deadline}{(late ? ": đã quá hạn" : "")}";
        var disliked = k.reaction == "dislike";
        return indicator switch
        {
            "pakn_total" => (true, true, when),
            "pakn_handled" => (true, handled, when),
            "pakn_late" => (true, late, when),
            "pakn_on_time_rate" => (true, !late, when),
            _ => (true, !late && !disliked, disliked ? "Người dân không hài lòng; " + when : when),
        };
    }
}
