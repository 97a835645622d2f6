namespace IndicatorWarehouse.Reporting.Formatting;

/// <summary>Where a value stands against its target, as reports colour it.</summary>
public enum ReportStatus
{
    Met,
    NotMet,
    AtRisk,
    NoData,
}

/// <summary>The Vietnamese word, colour and CSS class of each <see cref="ReportStatus"/>.</summary>
public static class ReportStatusText
{
    public static string Label(this ReportStatus status) => status switch
    {
        ReportStatus.Met => "Đạt",
        ReportStatus.NotMet => "Chưa đạt",
        ReportStatus.AtRisk => "Nguy cơ",
        _ => "Không có dữ liệu",
    };

    public static string Color(this ReportStatus status) => status switch
    {
        ReportStatus.Met => ReportPalette.Met,
        ReportStatus.NotMet => ReportPalette.NotMet,
        ReportStatus.AtRisk => ReportPalette.AtRisk,
        _ => ReportPalette.NoData,
    };

    public static string CssClass(this ReportStatus status) => status switch
    {
        ReportStatus.Met => "status-met",
        ReportStatus.NotMet => "status-not-met",
        ReportStatus.AtRisk => "status-at-risk",
        _ => "status-no-data",
    };
}
