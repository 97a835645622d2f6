using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Periods;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Application.Alerts;

/// <summary>What deserves attention today. Kinds: stale source, failed job, target missed, falling due.</summary>
public sealed record Alert(string Kind, string Severity, string? AgencyCode, string Message);

/// <summary>Which alerts to raise: how old a source's latest snapshot may be (days, per source), and which
/// indicators' target status to watch. Configuration, not code.</summary>
public sealed record AlertRules(IReadOnlyDictionary<string, int> MaxAgeDays, IReadOnlyList<string> WatchedIndicators)
{
    public static AlertRules Default { get; } = new(
        new Dictionary<string, int> { ["onestop"] = 1, ["pakn"] = 7, ["digitization"] = 7 }, ["on_time_rate_766"]);
}

/// <summary>Computes the alerts of a day from the warehouse: sources with no fresh snapshot, jobs that failed in
/// the last day, units below target this month, and dossiers falling due in the next working days.</summary>
public sealed class AlertService(WarehouseDatabase database, ReferenceFiles reference)
{
    public async Task<IReadOnlyList<Alert>> ForAsync(DateTime now, AlertRules rules, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct);
        var q = new AlertQueries(c);
        var alerts = new List<Alert>();

        var fresh = (await q.FreshnessAsync()).ToDictionary(f => f.source, f => f.latest_as_of);
        foreach (var (source, maxDays) in rules.MaxAgeDays)
        {
            var latest = fresh.GetValueOrDefault(source);
            if (latest is null)
                alerts.Add(new("stale_source", "warning", null, $"Nguồn {source}: chưa có lần nạp dữ liệu nào."));
            else if (now - latest.Value > TimeSpan.FromDays(maxDays))
                alerts.Add(new("stale_source", "warning", null,
                    $"Nguồn {source}: dữ liệu mới nhất đến {latest:HH:mm dd/MM/yyyy}, quá {maxDays} ngày không được cập nhật."));
        }

        foreach (var run in await q.FailedRunsSinceAsync(now.AddDays(-1)))
            alerts.Add(new("failed_job", "error", null, $"Tác vụ {run.job} ({run.parameters}) lỗi lúc {run.started_at:HH:mm dd/MM/yyyy}: {run.error}"));

        var month = Period.Containing(Grain.Month, DateOnly.FromDateTime(now));
        foreach (var m in await q.MissedTargetsAsync(month.Code, rules.WatchedIndicators))
            alerts.Add(new("target_missed", m.status == "nguy_co" ? "warning" : "error", m.agency_code,
                $"{m.agency_name}: {m.indicator_name_vi} tháng {month.Number:00}/{month.Year} là {Figure(m.value, m.unit)}, mục tiêu {Figure(m.target_value, m.unit)}" +
                (m.status == "nguy_co" ? " (nguy cơ chưa đạt)." : " (chưa đạt).")));

        var today = DateOnly.FromDateTime(now);
        var dueDays = reference.Holidays().NextWorkingDays(today, reference.Deadlines().DueSoonWorkingDays).ToList();
        foreach (var u in await q.FallingDueAsync(DateKey.Of(today), dueDays.Select(DateKey.Of).ToList()))
            alerts.Add(new("falling_due", "info", u.agency_code,
                $"{u.agency_name}: {u.dossiers} hồ sơ đến hạn trong {dueDays.Count} ngày làm việc tới ({string.Join(", ", dueDays.Select(d => d.ToString("dd/MM")))})."));
        return alerts;
    }

    private static string Figure(double? v, string unit) => v is not { } x ? "—"
        : x.ToString(unit == "count" ? "#,0" : "0.0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + (unit == "percent" ? " %" : "");
}
