using IndicatorWarehouse.Domain.Calendar;

namespace IndicatorWarehouse.Domain.Counting;

/// <summary>How a dossier ends relative to its deadline (Biểu 06 columns).</summary>
public enum Outcome { Early = 1, OnTime = 2, Late = 3 }

/// <summary>The facts of a dossier the counting rules need, derived once at load so the measure build only
/// compares day keys: received day, end day, deadline day, outcome once ended, and from which day a
/// still-pending dossier counts as overdue.</summary>
public sealed record DossierTimeline(
    int ReceivedDateKey, int? EndDateKey, int? DeadlineDateKey, Outcome? Outcome, int? OverdueFromKey, bool IsWithdrawn)
{
    /// <summary>Status 3: not accepted; left out of every dossier measure.</summary>
    public const int StatusNotAccepted = 3;

    /// <summary>Applies the contract's precedence: withdrawn/stopped (7, 8) ⇒ on time; else more than one
    /// supplement request ⇒ late; else no due date ⇒ on time; else end day vs deadline day decides, where the
    /// deadline is the due date plus the supplement waiting time the source has not already added.</summary>
    public static DossierTimeline Of(DateTime receivedAt, DateTime? dueAt, DateTime? finishedAt, DateTime? returnedAt,
        int? status, int supplementRequests, decimal supplementWaitDays)
    {
        var end = finishedAt ?? returnedAt;
        var withdrawn = status is 7 or 8;
        var deadline = dueAt?.AddDays((double)supplementWaitDays);
        var deadlineKey = deadline is { } d ? DateKey.Of(d) : (int?)null;
        var receivedKey = DateKey.Of(receivedAt);
        var alwaysLate = !withdrawn && supplementRequests > 1;

        Outcome? outcome = end is null ? null
            : withdrawn ? Counting.Outcome.OnTime
            : alwaysLate ? Counting.Outcome.Late
            : deadlineKey is null ? Counting.Outcome.OnTime
            : Compare(DateKey.Of(end.Value), deadlineKey.Value);

        // Pending at a period's last day E: overdue when E >= OverdueFromKey.
        int? overdueFrom = withdrawn ? null
            : alwaysLate ? receivedKey
            : deadline is { } dl ? DateKey.Of(DateOnly.FromDateTime(dl).AddDays(1))
            : null;

        return new DossierTimeline(receivedKey, end is { } e ? DateKey.Of(e) : null, deadlineKey, outcome, overdueFrom, withdrawn);
    }

    private static Outcome Compare(int endKey, int deadlineKey) =>
        endKey < deadlineKey ? Counting.Outcome.Early : endKey == deadlineKey ? Counting.Outcome.OnTime : Counting.Outcome.Late;
}
