namespace IndicatorWarehouse.Domain.Periods;

/// <summary>How a period is named for people: Vietnamese, as reports write it.</summary>
public static class PeriodLabel
{
    public static string Vietnamese(Period p)
    {
        var name = p.Grain.Months() switch
        {
            1 => $"Tháng {p.Number:00}/{p.Year}",
            3 => $"Quý {Roman(p.Number)}/{p.Year}",
            6 => $"{(p.Number == 1 ? "6 tháng đầu năm" : "6 tháng cuối năm")} {p.Year}",
            _ => $"Năm {p.Year}",
        };
        return p.Grain.IsReporting() ? $"Kỳ báo cáo {name[..1].ToLowerInvariant()}{name[1..]} ({p.Start:dd/MM/yyyy}–{p.End:dd/MM/yyyy})" : name;
    }

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
