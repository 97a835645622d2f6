using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Domain.Counting;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Application.Ingest;

/// <summary>PAKN → <c>stg_pakn</c>, with the deadline resolved here (due date, else working days from the
/// holiday calendar) because the working-day rule is the domain's, not the database's.</summary>
internal sealed class PaknStaging(HolidayCalendar calendar, PaknDeadlines deadlines)
{
    public static readonly LoadTarget Target = new("load/pakn.sql", "stg_pakn",
    [
        "feedback_code", "agency_code", "channel", "category", "received_at", "transferred_at", "due_at", "handled_at",
        "state", "published_at", "reaction", "received_date_key", "handled_date_key", "deadline_date_key",
    ]);

    public object?[] Values(PaknRecord p)
    {
        var t = PaknTimeline.Of(p.ReceivedAt, p.TransferredAt, p.DueAt, p.HandledAt, calendar, deadlines);
        return
        [
            p.FeedbackCode, p.AgencyCode, p.Channel, p.Category, p.ReceivedAt, p.TransferredAt, p.DueAt, p.HandledAt,
            p.State, p.PublishedAt, p.Reaction, t.ReceivedDateKey, t.HandledDateKey, t.DeadlineDateKey,
        ];
    }
}
