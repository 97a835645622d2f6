using IndicatorWarehouse.Application.Alerts;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Server.Jobs;

namespace IndicatorWarehouse.Server.Alerts;

/// <summary>The daily alert digest job: computes today's alerts and mails them when SMTP is configured.</summary>
public sealed class AlertsWork(AlertService alerts, AlertsConfig config, DataClock clock) : IJobWork
{
    public async Task<JobWorkResult> RunAsync(string period, CancellationToken ct)
    {
        var now = clock.Now;
        var list = await alerts.ForAsync(now, Rules(config), ct);
        if (config.Smtp is not { } smtp) return new JobWorkResult(true, list.Count, $"{list.Count} cảnh báo; chưa cấu hình SMTP nên không gửi thư.");
        await new AlertMailer(new SmtpSettings(smtp.Host, smtp.Port, smtp.From, smtp.To, smtp.EnableSsl, smtp.User, smtp.PasswordEnv))
            .SendAsync(AlertDigest.Subject(now, list), AlertDigest.Body(now, list), ct);
        return new JobWorkResult(true, list.Count, $"{list.Count} cảnh báo đã gửi tới {string.Join(", ", smtp.To)}.");
    }

    public static AlertRules Rules(AlertsConfig config) => new(config.MaxAgeDays, config.Indicators);
}
