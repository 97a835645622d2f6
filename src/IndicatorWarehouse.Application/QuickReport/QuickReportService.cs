using Dapper;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.QuickReport;

/// <summary>The daily quick report of one unit (seed 001, annex "Đề cương báo cáo nhanh"), plus the dossiers
/// falling due in the next working days (the warning seed 003 asks the one-stop software for).</summary>
public sealed record QuickReport(
    string AgencyCode, string AgencyName, DateOnly From, DateOnly Date, DateTime? DataAsOf,
    DossierTally Dossiers, IReadOnlyList<DossierLine> Late, PaknTally Pakn,
    IReadOnlyList<DateOnly> DueDays, IReadOnlyList<DossierLine> FallingDue);

public sealed class QuickReportService(WarehouseDatabase database, ReferenceFiles reference)
{
    /// <summary>Figures from <paramref name="from"/> (default: the first of the month) up to and including <paramref name="date"/>.</summary>
    public async Task<QuickReport> BuildAsync(string agencyCode, DateOnly date, DateOnly? from = null, CancellationToken ct = default)
    {
        var start = from ?? new DateOnly(date.Year, date.Month, 1);
        if (start > date) throw new ArgumentException($"--from {start:dd/MM/yyyy} is after the report date {date:dd/MM/yyyy}.");
        await using var c = await database.OpenAsync(ct);
        var name = await c.ExecuteScalarAsync<string?>(
            "SELECT agency_name FROM mart_agency WHERE agency_code = @agencyCode", new { agencyCode })
            ?? throw new ArgumentException($"Unknown unit '{agencyCode}'.");
        var asOf = await c.ExecuteScalarAsync<DateTime?>("SELECT MAX(as_of) FROM etl_snapshot WHERE source = 'onestop' AND reverted_at IS NULL");

        var q = new QuickReportQueries(c);
        int fromKey = DateKey.Of(start), toKey = DateKey.Of(date);
        var dueDays = reference.Holidays().NextWorkingDays(date, reference.Deadlines().DueSoonWorkingDays).ToList();
        return new QuickReport(agencyCode, name, start, date, asOf,
            await q.DossiersAsync(agencyCode, fromKey, toKey), await q.LateAsync(agencyCode, fromKey, toKey),
            await q.PaknAsync(agencyCode, fromKey, toKey),
            dueDays, await q.FallingDueAsync(agencyCode, toKey, dueDays.Select(DateKey.Of).ToList()));
    }
}
