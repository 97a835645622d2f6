using System.Text.RegularExpressions;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>PAKN rows: required fields, dates in order and not after the snapshot, known codes. The channel
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
        var code = row.Key = row.RequiredText(FeedbackCode);
        var agency = row.RequiredText(AgencyCode);
        var channel = row.Text(Channel);
        if (channel is not null && !ChannelCode().IsMatch(channel))
            row.Fail(Channel, ProblemText.Of(
                $"'{row.Raw(Channel)}' không phải mã kênh (national_portal, hotline_1022, provincial_portal, zalo, in_person, …)",
                $"'{row.Raw(Channel)}' is not a channel code (national_portal, hotline_1022, provincial_portal, zalo, in_person, …)"));
        var received = row.RequiredDate(ReceivedAt);
        row.NotAfterAsOf(ReceivedAt, received);
        var handled = row.Date(HandledAt);
        row.NotBefore(HandledAt, handled, ReceivedAt, received);
        var record = new PaknRecord(code, agency, channel, row.NamedCode(Category, CanonicalCodes.PaknCategory),
            received, row.Date(TransferredAt), row.Date(DueAt), handled,
            row.NamedCode(State, CanonicalCodes.PaknState), row.Date(PublishedAt), row.NamedCode(Reaction, CanonicalCodes.Reaction));
        return row.Problem is null ? record : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ChannelCode();
}
