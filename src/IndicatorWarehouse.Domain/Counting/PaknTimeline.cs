using IndicatorWarehouse.Domain.Calendar;

namespace IndicatorWarehouse.Domain.Counting;

/// <summary>Day keys of a PAKN the measure build compares: received, handled, and the deadline — the due date
/// when the source gives one, else the working-day limit counted from the day after reception or transfer.</summary>
public sealed record PaknTimeline(int ReceivedDateKey, int? HandledDateKey, int DeadlineDateKey)
{
    public static PaknTimeline Of(DateTime receivedAt, DateTime? transferredAt, DateTime? dueAt, DateTime? handledAt,
        HolidayCalendar calendar, PaknDeadlines deadlines)
    {
        var deadline = dueAt is { } due
            ? DateOnly.FromDateTime(due)
            : calendar.AddWorkingDays(DateOnly.FromDateTime(transferredAt ?? receivedAt), deadlines.HandlingWorkingDays);
        return new PaknTimeline(DateKey.Of(receivedAt), handledAt is { } h ? DateKey.Of(h) : null, DateKey.Of(deadline));
    }
}

/// <summary>The portal's PAKN deadlines in working days (configurable: reference/deadlines.yaml).</summary>
public sealed record PaknDeadlines(int HandlingWorkingDays, int RefusalWorkingDays, int FirstSupplementWorkingDays, int PublicationWorkingDays);
