using IndicatorWarehouse.Tests.Support;
using static IndicatorWarehouse.Tests.Support.Rows;

namespace IndicatorWarehouse.Tests.Application;

public sealed class SqliteCountingRuleTests : CountingRuleTests<SqliteProvider>;
public sealed class SqlServerCountingRuleTests : CountingRuleTests<SqlServerProvider>;

/// <summary>Each counting rule of the contract, through the real loader and the real set-based build of each database.</summary>
public abstract class CountingRuleTests<TProvider> : WarehouseTests<TProvider> where TProvider : WarehouseProvider, new()
{
    private static async Task<(ITestWarehouse W, MeasureProbe P)> WarehouseAsync()
    {
        var w = await InitializedAsync();
        return (w, new MeasureProbe(w));
    }

    [ProviderFact]
    public async Task Build_DossierReceivedBeforeAndFinishedInPeriod_IsCarriedOverAndProcessed()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(Dossier("A", "2026-09-20T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-05T10:00:00"));
        await p.BuildAsync();

        var oct = await p.ValuesAsync("2026-10");
        Assert.Equal(1, oct["carried_over"].Num);
        Assert.Equal(1, oct["received_total"].Num);
        Assert.Equal(0, oct["received_online"].Num);
        Assert.Equal(1, oct["processed_early"].Num);
        var sep = await p.ValuesAsync("2026-09");
        Assert.Equal((1.0, 0.0, 1.0), (sep["received_online"].Num!.Value, sep["processed_total"].Num!.Value, sep["pending_within_due"].Num!.Value));
    }

    [ProviderFact]
    public async Task Build_OutcomesByDeadlineDay_EarlyOnTimeLateAndSupplementWaitMovesTheDeadline()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(
            Dossier("early", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-09T10:00:00"),
            Dossier("ontime", "2026-10-01T08:00:00", due: "2026-10-10T08:00:00", finished: "2026-10-10T16:00:00"),
            Dossier("late", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-11T08:00:00"),
            Dossier("waited", "2026-10-01T08:00:00", due: "2026-10-10T17:00:00", finished: "2026-10-12T08:00:00", supplements: 1, waitDays: 2),
            Dossier("nodue", "2026-10-01T08:00:00", finished: "2026-10-30T08:00:00"));
        await p.BuildAsync();

        var v = await p.ValuesAsync("2026-10");
        Assert.Equal((1.0, 3.0, 1.0), (v["processed_early"].Num!.Value, v["processed_on_time"].Num!.Value, v["processed_late"].Num!.Value));
        Assert.Equal(5, v["processed_total"].Num);
        Assert.Equal((4.0, 5.0, 80.0), (v["on_time_rate_766"].Num!.Value, v["on_time_rate_766"].Den!.Value, v["on_time_rate_766"].Value!.Value));
    }

    [ProviderFact]
    public async Task Build_MoreThanOneSupplementRequest_IsLateWhenProcessedAndOverdueWhenPending()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(
            Dossier("done", "2026-10-01T08:00:00", due: "2026-10-30T17:00:00", finished: "2026-10-05T08:00:00", supplements: 2),
            Dossier("open", "2026-10-01T08:00:00", due: "2026-12-30T17:00:00", status: 5, supplements: 2));
        await p.BuildAsync();

        var v = await p.ValuesAsync("2026-10");
        Assert.Equal((1.0, 1.0, 0.0), (v["processed_late"].Num!.Value, v["pending_overdue"].Num!.Value, v["pending_within_due"].Num!.Value));
    }

    [ProviderFact]
    public async Task Build_PendingAtPeriodEnd_WithinDueOrOverdueByTheLastDay()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(
            Dossier("due-on-last-day", "2026-10-01T08:00:00", due: "2026-10-31T17:00:00", status: 4),
            Dossier("due-before", "2026-10-01T08:00:00", due: "2026-10-30T17:00:00", status: 4),
            Dossier("no-due", "2026-10-01T08:00:00", status: 4));
        await p.BuildAsync();

        var v = await p.ValuesAsync("2026-10");
        Assert.Equal((3.0, 2.0, 1.0), (v["pending_total"].Num!.Value, v["pending_within_due"].Num!.Value, v["pending_overdue"].Num!.Value));
        Assert.Equal((2.0, 3.0), (v["on_time_rate_766"].Num!.Value, v["on_time_rate_766"].Den!.Value));
    }

    [ProviderFact]
    public async Task Build_StatusNotAccepted_LeavesEveryMeasure()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(
            Dossier("kept", "2026-10-01T08:00:00", finished: "2026-10-02T08:00:00"),
            Dossier("refused", "2026-10-01T08:00:00", finished: "2026-10-02T08:00:00", status: 3));
        await p.BuildAsync();

        Assert.Equal(1, await p.CountAsync("received_total", "2026-10"));
    }

    [ProviderFact]
    public async Task Build_WithdrawnOrStopped_AreOnTimeUnder766AndOutsideTheOneStopRule()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(
            Dossier("withdrawn", "2026-10-01T08:00:00", due: "2026-10-03T17:00:00", finished: "2026-10-20T08:00:00", status: 7),
            Dossier("stopped", "2026-10-01T08:00:00", due: "2026-10-03T17:00:00", finished: "2026-10-20T08:00:00", status: 8),
            Dossier("late", "2026-10-01T08:00:00", due: "2026-10-03T17:00:00", finished: "2026-10-20T08:00:00"),
            Dossier("ok", "2026-10-01T08:00:00", due: "2026-10-30T17:00:00", finished: "2026-10-20T08:00:00"));
        await p.BuildAsync();

        var v = await p.ValuesAsync("2026-10");
        Assert.Equal((3.0, 4.0), (v["on_time_rate_766"].Num!.Value, v["on_time_rate_766"].Den!.Value));
        // One-stop rule: 100 − late ÷ (dossiers to process) × 100, withdrawn/stopped left out: 100 − 1/2 × 100.
        Assert.Equal((1.0, 2.0, 50.0), (v["on_time_rate_onestop"].Num!.Value, v["on_time_rate_onestop"].Den!.Value, v["on_time_rate_onestop"].Value!.Value));
    }

    [ProviderFact]
    public async Task Build_ZeroDenominator_RateIsNullNotZero()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(Dossier("nofee", "2026-10-01T08:00:00", finished: "2026-10-02T08:00:00", fee: 0));
        await p.BuildAsync();

        var v = await p.ValuesAsync("2026-10");
        Assert.Equal((0.0, 0.0), (v["online_payment_rate"].Num!.Value, v["online_payment_rate"].Den!.Value));
        Assert.Null(v["online_payment_rate"].Value);
        Assert.Null(v["apology_rate"].Value);
        Assert.False(v.ContainsKey("digitized_dossier_rate"), "no digitization source loaded: the rate is unknown, not 0 %");
    }

    [ProviderFact]
    public async Task Build_Quarter_CountsEachDossierOnceFromTheDossiersNotBySummingMonths()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(
            Dossier("long", "2026-07-10T08:00:00", due: "2026-09-30T17:00:00", finished: "2026-09-15T08:00:00"),
            Dossier("short", "2026-08-03T08:00:00", due: "2026-08-10T17:00:00", finished: "2026-08-11T08:00:00"));
        await p.BuildAsync();

        var q3 = await p.ValuesAsync("2026-Q3");
        Assert.Equal((2.0, 0.0, 2.0, 1.0), (q3["received_total"].Num!.Value, q3["carried_over"].Num!.Value, q3["processed_total"].Num!.Value, q3["processed_late"].Num!.Value));
        var monthsSum = 0.0;
        foreach (var m in new[] { "2026-07", "2026-08", "2026-09" }) monthsSum += (await p.CountAsync("received_total", m))!.Value;
        Assert.Equal(4, monthsSum); // "long" is received in July and carried over into August and September
    }

    [ProviderFact]
    public async Task Build_GovernmentReportingPeriod_RunsFromThe15thToThe14th()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(
            Dossier("sep20", "2026-09-20T08:00:00", finished: "2026-09-21T08:00:00"),
            Dossier("oct14", "2026-10-14T08:00:00", finished: "2026-10-14T09:00:00"),
            Dossier("oct15", "2026-10-15T08:00:00", finished: "2026-10-15T09:00:00"));
        await p.BuildAsync();

        Assert.Equal(2, await p.CountAsync("received_total", "R2026-10"));
        Assert.Equal(1, await p.CountAsync("received_total", "R2026-11"));
        Assert.Equal(2, await p.CountAsync("received_total", "2026-10"));
    }

    [ProviderFact]
    public async Task Build_Digitization_MissingRecordIsNotDigitizedAndResultsSkipWithdrawn()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(
            Dossier("a", "2026-10-01T08:00:00", finished: "2026-10-02T08:00:00"),
            Dossier("b", "2026-10-01T08:00:00", finished: "2026-10-02T08:00:00"),
            Dossier("c", "2026-10-01T08:00:00", finished: "2026-10-02T08:00:00", status: 7));
        await p.DigitizationAsync(Digitization("a", digitized: 2, reused: 1), Digitization("c", digitized: 1, resultElectronic: true));
        await p.BuildAsync();

        var v = await p.ValuesAsync("2026-10");
        Assert.Equal((2.0, 3.0), (v["digitized_dossier_rate"].Num!.Value, v["digitized_dossier_rate"].Den!.Value));
        Assert.Equal((1.0, 3.0), (v["reuse_rate"].Num!.Value, v["reuse_rate"].Den!.Value));
        Assert.Equal((1.0, 1.0), (v["digitized_result_rate"].Num!.Value, v["digitized_result_rate"].Den!.Value));
    }

    [ProviderFact]
    public async Task Build_Satisfaction_DislikedOrLateCountedOnceAndApologyCoverage()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(
            Dossier("late-disliked", "2026-10-01T08:00:00", due: "2026-10-02T17:00:00", finished: "2026-10-05T08:00:00", rating: "dislike", apology: true),
            Dossier("late", "2026-10-01T08:00:00", due: "2026-10-02T17:00:00", finished: "2026-10-05T08:00:00"),
            Dossier("disliked", "2026-10-01T08:00:00", finished: "2026-10-02T08:00:00", rating: "dislike"),
            Dossier("happy", "2026-10-01T08:00:00", finished: "2026-10-02T08:00:00", rating: "like"));
        await p.BuildAsync();

        var v = await p.ValuesAsync("2026-10");
        Assert.Equal((1.0, 4.0), (v["dossier_satisfaction_rate"].Num!.Value, v["dossier_satisfaction_rate"].Den!.Value));
        Assert.Equal((1.0, 2.0, 50.0), (v["apology_rate"].Num!.Value, v["apology_rate"].Den!.Value, v["apology_rate"].Value!.Value));
    }

    [ProviderFact]
    public async Task Build_Pakn_OnTimeLatePendingAndSatisfaction()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(Dossier("a", "2026-10-01T08:00:00", finished: "2026-10-02T08:00:00"));
        await p.PaknAsync(
            Pakn("ontime", "2026-10-01T08:00:00", handled: "2026-10-05T08:00:00", due: "2026-10-10T17:00:00"),
            Pakn("late", "2026-10-01T08:00:00", handled: "2026-10-20T08:00:00", due: "2026-10-10T17:00:00", reaction: "dislike"),
            Pakn("open-ok", "2026-10-20T08:00:00", due: "2026-11-10T17:00:00"),
            Pakn("open-late", "2026-10-01T08:00:00", due: "2026-10-15T17:00:00"),
            Pakn("disliked", "2026-10-01T08:00:00", handled: "2026-10-03T08:00:00", due: "2026-10-10T17:00:00", reaction: "dislike"));
        await p.BuildAsync();

        var v = await p.ValuesAsync("2026-10");
        Assert.Equal((5.0, 3.0, 2.0), (v["pakn_total"].Num!.Value, v["pakn_handled"].Num!.Value, v["pakn_late"].Num!.Value));
        Assert.Equal((3.0, 5.0), (v["pakn_on_time_rate"].Num!.Value, v["pakn_on_time_rate"].Den!.Value));
        Assert.Equal((2.0, 5.0), (v["pakn_satisfaction_rate"].Num!.Value, v["pakn_satisfaction_rate"].Den!.Value));
    }

    [ProviderFact]
    public async Task Build_Incremental_RebuildsOnlyWhatALoadChangedAndThenHasNothingToDo()
    {
        var (w, p) = await WarehouseAsync();
        await using var _ = w;
        await p.DossiersAsync(Dossier("a", "2026-10-01T08:00:00", finished: "2026-10-02T08:00:00"));
        var first = await p.BuildAsync(new());
        await p.DossiersAsync(Dossier("b", "2024-03-05T08:00:00", finished: "2024-03-06T08:00:00"));

        var second = await p.BuildAsync(new());
        var third = await p.BuildAsync(new());

        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)), (first.From!.Value, first.To!.Value));
        Assert.Equal((new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 6)), (second.From!.Value, second.To!.Value));
        Assert.True(third.NothingToDo);
        Assert.Equal(1, await p.CountAsync("received_total", "2024-03"));
        Assert.Equal(1, await p.CountAsync("received_total", "2026-10"));
    }
}
