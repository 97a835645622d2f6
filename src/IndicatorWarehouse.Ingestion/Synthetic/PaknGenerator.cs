using System.Globalization;
using IndicatorWarehouse.Domain.Agencies;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>Citizen feedback (PAKN) received on one day: a few per unit a month (more for busier units), through the portals, the
/// 1022 hotline, Zalo or in person, most handled within the 15 working days, some late, some still open at
/// the snapshot's <c>asOf</c>.</summary>
internal sealed class PaknGenerator(UnitAllocator allocator, HolidayCalendar calendar, DateTime asOf)
{
    // Per month: the province's feedback spread by each unit's share of the work, plus a little for every unit.
    private const double ProvinceMonthly = 120, UnitMonthly = 0.5, WorkingDaysPerMonth = 21, DayOffFactor = 0.3;
    private const int HandlingDays = 15;

    private static readonly WeightedTable<string> Channels = new([
        ("national_portal", 35), ("provincial_portal", 25), ("hotline_1022", 20), ("zalo", 12), ("in_person", 8)]);

    private static readonly WeightedTable<string> Categories = new([("procedure", 70), ("conduct", 10), ("other", 20)]);

    public IEnumerable<PaknRecord> Day(DateOnly day, Random random)
    {
        var perDay = (calendar.IsWorkingDay(day) ? 1 : DayOffFactor) / WorkingDaysPerMonth;
        var number = 0;
        var allocation = allocator.On(day);
        foreach (var unit in allocation.Units)
        {
            if (!random.Chance((ProvinceMonthly * allocation.WorkShare(unit) + UnitMonthly) * perDay)) continue;
            var received = OfficeHours.OnlineTime(day, random);
            if (received <= asOf) yield return Feedback(string.Create(CultureInfo.InvariantCulture, $"PAKN-{day:yyMMdd}-{++number:D3}"), unit, received, random);
        }
    }

    private PaknRecord Feedback(string code, Agency unit, DateTime received, Random random)
    {
        var channel = Channels.Pick(random);
        DateTime? transferred = random.Chance(0.35)
            ? OfficeHours.WorkTimeAfter(calendar.AddWorkingDays(DateOnly.FromDateTime(received), random.Next(1, 4)), received, random)
            : null;
        if (transferred > asOf) transferred = null; // not yet transferred when the snapshot was taken
        var start = transferred ?? received;
        var startDay = DateOnly.FromDateTime(start);
        var deadline = calendar.AddWorkingDays(startDay, HandlingDays);
        // Some sources leave the due date out; the warehouse then derives it from the configured limit.
        DateTime? due = random.Chance(0.75) ? deadline.ToDateTime(TimeOnly.MinValue) + OfficeHours.DueTime : null;

        var outcome = random.NextDouble();
        var late = outcome >= 0.06 && outcome < 0.06 + AdoptionTrends.PaknLate.On(startDay);
        var (state, handledDay) = outcome switch
        {
            < 0.04 => ("refused", calendar.AddWorkingDays(startDay, random.Next(1, 3))),
            < 0.06 => ("returned", calendar.AddWorkingDays(startDay, random.Next(1, 4))),
            _ when late => ("handled", calendar.AddWorkingDays(deadline, random.Geometric(0.8, 30))),
            _ => ("handled", calendar.AddWorkingDays(startDay, random.Next(1, HandlingDays + 1))),
        };
        DateTime? handled = OfficeHours.WorkTimeAfter(handledDay, start, random);
        DateTime? published = state == "handled" && channel.EndsWith("portal", StringComparison.Ordinal) && random.Chance(0.5)
            ? OfficeHours.WorkTime(calendar.AddWorkingDays(handledDay, random.Next(1, 3)), random) : null;

        if (handled > asOf)
        {
            (handled, published) = (null, null);
            state = asOf - received < TimeSpan.FromDays(2) ? "waiting" : "processing";
        }
        else if (published > asOf) published = null;
        else if (published is not null) state = "published";

        return new PaknRecord(code, unit.Code, channel, Categories.Pick(random), received, transferred, due, handled, state, published,
            handled is null ? null : Reaction(late, random));
    }

    private static string? Reaction(bool late, Random random) => random.NextDouble() switch
    {
        var u when u < (late ? 0.2 : 0.04) => "dislike",
        var u when u < 0.45 => "like",
        _ => null,
    };
}
