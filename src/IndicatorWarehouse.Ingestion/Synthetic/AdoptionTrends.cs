namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>A rate that moves linearly from its 2021 value to its 2026 value (each the year's average, so
/// anchored mid-year) and stays within [0, 1] beyond them (the CCHC plans of 2021–2025 and 2026–2030 drive
/// these rates up year after year).</summary>
internal readonly record struct Trend(double In2021, double In2026)
{
    public double On(DateOnly day)
    {
        var t = (day.Year + (day.DayOfYear - 1) / 365.0 - 2021.5) / 5.0;
        return Math.Clamp(In2021 + (In2026 - In2021) * t, 0, 1);
    }
}

/// <summary>How the province's practice improves over the years: the synthetic data follow these so
/// multi-year reviews show the rises leadership expects to see.</summary>
internal static class AdoptionTrends
{
    public static readonly Trend OnlineShare = new(0.15, 0.70);
    public static readonly Trend OnlinePayment = new(0.08, 0.70);
    public static readonly Trend Digitized = new(0.10, 0.85);
    public static readonly Trend Reused = new(0.02, 0.45);
    public static readonly Trend PersonalStore = new(0.01, 0.35);
    public static readonly Trend PopulationDb = new(0.05, 0.80);
    public static readonly Trend ElectronicResult = new(0.15, 0.90);
    public static readonly Trend Late = new(0.055, 0.015);
    public static readonly Trend ApologyWhenLate = new(0.55, 0.95);
    public static readonly Trend ReasonWhenLate = new(0.60, 0.95);
    public static readonly Trend PaknLate = new(0.09, 0.02);
}
