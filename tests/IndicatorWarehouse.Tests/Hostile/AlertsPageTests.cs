using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace IndicatorWarehouse.Tests.Hostile;

/// <summary>Issue 17, point 8, on a real `iw serve`: /alerts tells an anonymous visitor that something failed, but not
/// which file, which process held it or what the error said; a signed-in user reads all of it.</summary>
public sealed class AlertsPageTests
{
    private const string DropFile = "/srv/iw/nguon/mot-cua/ho-so-thang-10.csv";
    private const string Holder = "may-chu-2:4242";

    [Fact]
    public async Task Point8_AnonymousAlerts_HideFilePathHolderAndError_SignedInSeesThem()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        await using var w = await TempWarehouse.InitializedAsync(time);
        var ledger = new RunLedger(w.Database);
        var run = await ledger.StartAsync("pull-mot-cua", $"ingest onestop {DropFile}");
        await ledger.FinishAsync(run, RunState.Failed, null, $"tệp {DropFile} đang được tiến trình {Holder} giữ");
        time.Advance(TimeSpan.FromHours(1));
        await using var server = await RunningServer.StartAsync(w.Settings, time: time);

        var anonymous = await server.Client().GetStringAsync("alerts");
        var signedIn = await server.Client(RunningServer.AnalystName).GetStringAsync("alerts");

        Assert.Contains("Tác vụ lỗi", anonymous);
        Assert.Contains("Chi tiết dành cho người dùng đã đăng nhập.", anonymous);
        Assert.DoesNotContain(DropFile, anonymous);
        Assert.DoesNotContain(Holder, anonymous);
        Assert.DoesNotContain("pull-mot-cua", anonymous);
        Assert.Contains(DropFile, signedIn);
        Assert.Contains(Holder, signedIn);
        Assert.Contains("pull-mot-cua", signedIn);
    }
}
