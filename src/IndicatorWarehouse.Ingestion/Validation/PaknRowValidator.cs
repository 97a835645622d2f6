using System.Text.RegularExpressions;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>PAKN rows: required fields, codes of the one pattern, dates in order and none after the snapshot's
/// as-of time (the due date excepted), a publication date for a published answer, known codes. The channel
/// list is open (source-formats.md ends it with "…"), so any well-formed code is kept.</summary>
internal sealed partial class PaknRowValidator : IRowValidator<PaknRecord>
{
    public static readonly PaknRowValidator Instance = new();
    private static readonly CanonicalSchema S = CanonicalSchema.Pakn;
    private static readonly CanonicalField FeedbackCode = S["feedback_code"], AgencyCode = S["agency_code"],
        Channel = S["channel"], Category = S["category"], ReceivedAt = S["received_at"], TransferredAt = S["transferred_at"],
        DueAt = S["due_at"], HandledAt = S["handled_at"], State = S["state"], PublishedAt = S["published_at"],
        Reaction = S["reaction"];

    public CanonicalSchema Schema => S;

    public PaknRecord? Validate(FieldReader row)
    {
        var code = row.Key = row.RequiredRecordCode(FeedbackCode);
        var agency = row.RequiredCode(AgencyCode);
        var channel = row.Text(Channel);
        if (channel is not null && !ChannelCode().IsMatch(channel))
            row.Fail(Channel, ProblemText.Of(
                $"'{row.Raw(Channel)}' không phải mã kênh (national_portal, hotline_1022, provincial_portal, zalo, in_person, …)",
                $"'{row.Raw(Channel)}' is not a channel code (national_portal, hotline_1022, provincial_portal, zalo, in_person, …)"));
        var received = row.RequiredDate(ReceivedAt);
        row.NotAfterAsOf(ReceivedAt, received);
        var handled = row.Date(HandledAt);
        row.NotBefore(HandledAt, handled, ReceivedAt, received);
        row.NotAfterAsOf(HandledAt, handled);
        var transferred = row.Date(TransferredAt);
        row.NotAfterAsOf(TransferredAt, transferred);
        var published = row.Date(PublishedAt);
        row.NotAfterAsOf(PublishedAt, published);
        var state = row.NamedCode(State, CanonicalCodes.PaknState);
        if (state == "published" && published is null && row.Text(PublishedAt) is null)
            row.Fail(PublishedAt, ProblemText.Of("trống nhưng trạng thái là 'published' (đã công khai): cần ngày công khai",
                "is empty, but the state is 'published': a published answer has a publication date"));
        var record = new PaknRecord(code, agency, channel, row.NamedCode(Category, CanonicalCodes.PaknCategory),
            received, transferred, row.Date(DueAt), handled, state, published, row.NamedCode(Reaction, CanonicalCodes.Reaction));
        return row.Problem is null ? record : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ChannelCode();
}
