using System.Globalization;
using IndicatorWarehouse.Domain.Agencies;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>The dossiers received on one day, each with its digitization record (absent for some, as in real
/// feeds), as the one-stop system would report them at the snapshot's <c>asOf</c>: dossiers whose processing
/// would end later are still pending, with no end dates.</summary>
internal sealed class DossierGenerator(UnitAllocator allocator, HolidayCalendar calendar, DateTime asOf)
{
    // TrangThaiHoSo (domain.md §3).
    internal const int New = 1, Accepted = 2, NotAccepted = 3, Processing = 4, SupplementRequested = 5,
        Withdrawn = 7, Stopped = 8, Processed = 9, Returned = 10;

    private static readonly string[] LateReasons =
    [
        "Chờ ý kiến phối hợp của cơ quan liên quan",
        "Hồ sơ phức tạp cần xác minh thực địa",
        "Hệ thống phần mềm gặp sự cố",
        "Chờ kết quả thẩm định của hội đồng",
        "Số lượng hồ sơ tăng đột biến, thiếu nhân lực thụ lý",
        "Cán bộ thụ lý nghỉ phép, chưa bàn giao kịp thời",
        "Chờ lãnh đạo ký duyệt kết quả",
        "Chờ người dân hoàn thành nghĩa vụ tài chính",
    ];

    private const string RepeatedSupplementReason = "Hồ sơ phải yêu cầu bổ sung nhiều lần";

    private readonly Dictionary<(UnitAllocation, int), double> _onlineAvailability = [];

    public IEnumerable<(DossierRecord Dossier, DigitizationRecord? Digitization)> Day(DateOnly day, int count, Random random)
    {
        var allocation = allocator.On(day);
        var working = calendar.IsWorkingDay(day);
        var onlineShare = AdoptionTrends.OnlineShare.On(day);
        var onlineWhenOffered = Math.Min(0.97, onlineShare / OnlineAvailability(allocation, day.Year));
        var paidOnlineWhenOnline = Math.Min(0.98, AdoptionTrends.OnlinePayment.On(day) / onlineShare);
        var sequence = new Dictionary<string, int>();
        var dayPart = day.ToString("yyMMdd", CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var source = allocation.Sources.Pick(random);
            var procedures = allocation.ProceduresOf(source);
            var procedure = procedures.Pick(random);
            // On days off only online submissions arrive, so they need a procedure offered online.
            for (var tries = 0; !working && procedure.OnlineService(day.Year) == Procedure.NoOnline && tries < 50; tries++)
                procedure = procedures.Pick(random);
            var offered = procedure.OnlineService(day.Year) != Procedure.NoOnline;
            var online = !working || offered && random.Chance(onlineWhenOffered);
            var received = online ? OfficeHours.OnlineTime(day, random) : OfficeHours.WorkTime(day, random);
            if (received > asOf) continue;

            var unit = allocation.Handler(source, procedure);
            var number = sequence[unit.Code] = sequence.GetValueOrDefault(unit.Code) + 1;
            var code = string.Concat(unit.Code, "-", dayPart, "-", number.ToString("D4", CultureInfo.InvariantCulture));
            var dossier = Dossier(code, procedure, unit, received, online, paidOnlineWhenOnline, random);
            yield return (dossier, DigitizationRecords.For(dossier, procedure, online, day, random));
        }
    }

    private DossierRecord Dossier(string code, Procedure procedure, Agency unit, DateTime received, bool online,
        double paidOnlineWhenOnline, Random random)
    {
        var day = DateOnly.FromDateTime(received);
        var outcome = random.NextDouble() switch { < 0.015 => NotAccepted, < 0.025 => Withdrawn, < 0.029 => Stopped, _ => Processed };
        var supplements = outcome == NotAccepted ? 0 : random.NextDouble() switch { < 0.01 => 1 + random.Geometric(0.2, 4), < 0.06 => 1, _ => 0 };
        var waitDays = supplements > 0 ? Math.Round((decimal)(1 + random.NextDouble() * 14), 1) : 0m;
        var due = outcome == NotAccepted ? (DateTime?)null : calendar.AddWorkingDays(day, procedure.ProcessingDays).ToDateTime(TimeOnly.MinValue) + OfficeHours.DueTime;
        var deadlineDay = due is { } d ? DateOnly.FromDateTime(d.AddDays((double)waitDays)) : day;
        // More than one supplement request makes a dossier late whatever its dates (contract).
        var late = outcome == Processed && (supplements > 1 || random.Chance(LateRate(unit, day)));

        DateTime? end = outcome switch
        {
            NotAccepted => received.AddMinutes(random.Next(5, 120)),
            Processed => OfficeHours.WorkTimeAfter(FinishDay(day, deadlineDay, procedure.ProcessingDays, waitDays, late, random), received, random),
            _ => OfficeHours.WorkTimeAfter(calendar.AddWorkingDays(day, random.Next(procedure.ProcessingDays)), received, random),
        };
        DateTime? returned = outcome == Processed && !random.Chance(0.02) ? ReturnedAt(end.Value, random) : null;

        int status;
        if (end > asOf)
        {
            end = returned = null;
            status = outcome == NotAccepted ? New
                : asOf - received < TimeSpan.FromDays(1) && random.Chance(0.3) ? Accepted
                : supplements > 0 && random.Chance(0.5) ? SupplementRequested : Processing;
        }
        else if (outcome == Processed)
        {
            if (returned > asOf) returned = null;
            status = returned is null ? Processed : Returned;
        }
        else status = outcome;

        var lateKnown = late && (end is not null || supplements > 1 || deadlineDay < DateOnly.FromDateTime(asOf));
        var fee = outcome == NotAccepted ? 0m : procedure.Fee * (procedure.FeePerCopy ? random.Next(1, 6) : 1);
        var paid = fee > 0 && online && random.Chance(paidOnlineWhenOnline) ? (random.Chance(0.65) ? 1 : 2) : 0;
        return new DossierRecord(code, procedure.Code, procedure.Name, procedure.FieldCode, procedure.FieldName,
            unit.Code, unit.Name, random.Chance(procedure.BusinessShare) ? 2 : 1,
            received, due, end, returned, status, Channel(unit, online, random), procedure.OnlineService(day.Year),
            fee, paid, supplements, waitDays,
            ApologyIssued: lateKnown && random.Chance(AdoptionTrends.ApologyWhenLate.On(day)),
            LateReason: lateKnown && random.Chance(AdoptionTrends.ReasonWhenLate.On(day))
                ? supplements > 1 ? RepeatedSupplementReason : random.Pick(LateReasons) : null,
            CitizenRating: status == Returned ? Rating(late, random) : null);
    }

    /// <summary>Early: some working day before the due date; on time: the deadline day itself; late: a few
    /// working days past it. Waiting for a supplement pushes the work back by the days waited.</summary>
    private DateOnly FinishDay(DateOnly received, DateOnly deadlineDay, int processingDays, decimal waitDays, bool late, Random random)
    {
        if (late) return calendar.AddWorkingDays(deadlineDay, random.Geometric(0.7, 25));
        if (random.Chance(0.3)) return deadlineDay;
        var earliest = calendar.IsWorkingDay(received) ? 0 : 1;
        return calendar.AddWorkingDays(received, random.Next(earliest, Math.Max(earliest + 1, processingDays))).AddDays((int)waitDays);
    }

    private DateTime ReturnedAt(DateTime finished, Random random) => random.Chance(0.5)
        ? finished.AddMinutes(random.Next(5, 240))
        : OfficeHours.WorkTime(calendar.AddWorkingDays(DateOnly.FromDateTime(finished), random.Geometric(0.5, 10)), random);

    /// <summary>Each unit has its own habits: some are late two or three times as often as others.</summary>
    private static double LateRate(Agency unit, DateOnly day) =>
        AdoptionTrends.Late.On(day) * (0.3 + 1.4 * RandomExtensions.StableFraction(unit.Code));

    /// <summary>In-person dossiers: Long An's former software left the channel blank (blank = in person).</summary>
    private static int? Channel(Agency unit, bool online, Random random) =>
        online ? 2 : random.Chance(0.04) ? 3 : unit.ProvinceCode == "LAN" ? null : 1;

    private static string? Rating(bool late, Random random) => random.NextDouble() switch
    {
        var u when u < (late ? 0.08 : 0.004) => "dislike",
        var u when u < (late ? 0.25 : 0.38) => "like",
        _ => null,
    };

    /// <summary>The volume-weighted share of dossiers whose procedure has an online service this year, so the
    /// online share among those can be set to hit the province-wide trend.</summary>
    private double OnlineAvailability(UnitAllocation allocation, int year)
    {
        if (_onlineAvailability.TryGetValue((allocation, year), out var known)) return known;
        var sources = allocation.Sources;
        double offered = 0;
        for (var i = 0; i < sources.Items.Count; i++)
        {
            var table = allocation.ProceduresOf(sources.Items[i]);
            var share = Enumerable.Range(0, table.Items.Count)
                .Sum(j => table.Items[j].OnlineService(year) == Procedure.NoOnline ? 0 : table.WeightAt(j)) / table.Total;
            offered += sources.WeightAt(i) * share;
        }
        return _onlineAvailability[(allocation, year)] = Math.Max(0.01, offered / sources.Total);
    }
}
