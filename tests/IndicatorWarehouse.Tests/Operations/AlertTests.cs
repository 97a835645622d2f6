using System.Net.Mail;
using IndicatorWarehouse.Application.Alerts;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Server.Alerts;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Tests.Application;
using IndicatorWarehouse.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace IndicatorWarehouse.Tests.Operations;

public sealed class AlertTests(SyntheticProvinceFixture province) : IClassFixture<SyntheticProvinceFixture>
{
    [Fact]
    public async Task ForAsync_FiveDaysAfterTheLastLoad_RaisesStaleSourcesMissedTargetsAndFallingDue()
    {
        var service = new AlertService(province.Warehouse.Database, ReferenceFiles.Default());
        var rules = new AlertRules(new Dictionary<string, int> { ["onestop"] = 1, ["pakn"] = 30 }, ["late_dossiers", "index766_progress"]);

        var alerts = await service.ForAsync(new DateTime(2026, 11, 25, 15, 0, 0), rules);

        Assert.Contains(alerts, a => a.Kind == "stale_source" && a.Message.StartsWith("Nguồn onestop"));
        Assert.DoesNotContain(alerts, a => a.Kind == "stale_source" && a.Message.StartsWith("Nguồn pakn"));
        // The Tây Ninh plan wants 20 progress points from 2025 on: 18 so far in November is at risk. It also wants no late
        // dossier (processed late or pending overdue): with the fields Sở Y tế took over from LĐTBXH, one is late by 20/11.
        Assert.Contains(alerts, a => a.Kind == "target_missed" && a.AgencyCode == "TNI.SYT"
                                     && a.Message.Contains("Tiến độ, kết quả giải quyết tháng 11/2026 là 18,0, mục tiêu 20,0 (nguy cơ chưa đạt)"));
        Assert.Contains(alerts, a => a.Kind == "target_missed" && a.AgencyCode == "TNI.SYT"
                                     && a.Message.Contains("Hồ sơ trễ hẹn (đã giải quyết quá hạn và đang giải quyết quá hạn) tháng 11/2026 là 1, mục tiêu 0"));
        Assert.All(alerts.Where(a => a.Kind == "falling_due"), a => Assert.Matches(@"\d+ hồ sơ đến hạn trong 2 ngày làm việc tới", a.Message));
    }

    [Fact]
    public async Task AlertsWork_WithSmtp_DigestArrivesAtTheMailServer()
    {
        await using var smtp = new SmtpSink();
        var config = new AlertsConfig
        {
            Indicators = ["index766_progress"],
            Smtp = new SmtpConfig { Host = "127.0.0.1", Port = smtp.Port, From = "iw@sonv.tayninh.gov.vn", To = ["vanphong@syt.tayninh.gov.vn"] },
        };
        // 15:00 in Vietnam is 08:00 UTC, whatever zone this machine is set to.
        var clock = new DataClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)), DataClock.FindZone(DataClock.DefaultTimeZoneId));
        var work = new AlertsWork(new AlertService(province.Warehouse.Database, ReferenceFiles.Default()), config, clock);

        var result = await work.RunAsync("2026-11-20", CancellationToken.None);

        Assert.True(result.DidWork);
        var message = Assert.Single(smtp.Messages);
        Assert.Contains("vanphong@syt.tayninh.gov.vn", message);
        // Subject and body are UTF-8 encoded on the wire; decode them the way a mail client would.
        var decoded = DecodeBody(message);
        Assert.Contains("Tổng hợp cảnh báo ngày 20/11/2026", decoded);
        Assert.Contains("Chỉ tiêu chưa đạt mục tiêu", decoded);
    }

    private static string DecodeBody(string raw)
    {
        var body = raw[(raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return raw.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n").Where(l => l.Length > 0))))
            : QuotedPrintable(body);
    }

    private static string QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var joined = text.Replace("=\r\n", "");
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length) { bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16)); i += 2; }
            else bytes.Add((byte)joined[i]);
        }
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }
}
