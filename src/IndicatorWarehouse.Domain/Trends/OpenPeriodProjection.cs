using IndicatorWarehouse.Domain.Periods;

namespace IndicatorWarehouse.Domain.Trends;

/// <summary>Where an open period's figure is heading by the period's end, drawn only from the period's own complete
/// months so far, in the figure's own unit (a 766 score rescaled like the figure it is compared with):
/// <list type="bullet">
/// <item>a count that accumulates adds, to what it has so far, what the line through its months gives for the rest
/// of the period (never less than 0 a month);</item>
/// <item>a rate or a score is the cumulative figure so far and the line's values for the rest of the period,
/// weighted by months, clamped to [0, maximum];</item>
/// <item>a stock (pending dossiers) is where the line stands at the period's last month, not below 0.</item>
/// </list>
/// With fewer than <see cref="MinimumMonths"/> complete months of the period there is no line worth drawing, and no
/// projection: a month or a quarter in its first months is judged on its figure so far.</summary>
public static class OpenPeriodProjection
{
    public const int MinimumMonths = 3;

    /// <summary>The month grain a period is made of: calendar months, or reporting months (15th to 14th).</summary>
    public static Grain MonthGrainOf(Period period) => period.Grain.IsReporting() ? Grain.ReportMonth : Grain.Month;

    /// <param name="period">the open period</param>
    /// <param name="asOf">the data's as-of day, inside the period</param>
    /// <param name="soFar">the period's figure at the as-of day</param>
    /// <param name="monthly">the unit's figures in the months of <see cref="MonthGrainOf"/> (month sequence → value), in the
    /// same unit as <paramref name="soFar"/></param>
    /// <param name="accumulates">a count whose months add up to the period's</param>
    /// <param name="maximum">the highest value the figure can take (100 for a percent, a 766 group's maximum); null for counts</param>
    public static double? Project(Period period, DateOnly asOf, double soFar, IReadOnlyDictionary<int, double> monthly,
        bool accumulates, double? maximum)
    {
        var grain = MonthGrainOf(period);
        var first = Period.Containing(grain, period.Start).Seq;
        var last = Period.Containing(grain, period.End).Seq;
        var current = Period.Containing(grain, asOf);
        var complete = monthly.Where(m => m.Key >= first && m.Key < current.Seq).ToDictionary();
        if (complete.Count < MinimumMonths || Trend.SlopePerMonth(complete) is null) return null;
        double Line(int seq) => Trend.Project(complete, current.Seq - 1, seq, window: current.Seq - first)!.Value;

        // What is still to come: the rest of the as-of month (by days), then the months after it.
        var currentDays = current.End.DayNumber - current.Start.DayNumber + 1;
        var ahead = Enumerable.Range(current.Seq + 1, last - current.Seq).Select(seq => (Seq: seq, Weight: 1.0))
            .Prepend((Seq: current.Seq, Weight: (current.End.DayNumber - asOf.DayNumber) / (double)currentDays)).ToList();
        var aheadWeight = ahead.Sum(m => m.Weight);

        double projected;
        if (accumulates) projected = soFar + ahead.Sum(m => m.Weight * Math.Max(0, Line(m.Seq)));
        else if (maximum is not { } max) projected = Line(last);
        else
        {
            var elapsed = last - first + 1 - aheadWeight;
            projected = (soFar * elapsed + ahead.Sum(m => m.Weight * Math.Clamp(Line(m.Seq), 0, max))) / (elapsed + aheadWeight);
        }
        return maximum is { } upper ? Math.Clamp(projected, 0, upper) : Math.Max(0, projected);
    }
}
