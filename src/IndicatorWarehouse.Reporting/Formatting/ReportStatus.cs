using IndicatorWarehouse.Domain.Targets;

namespace IndicatorWarehouse.Reporting.Formatting;

/// <summary>Where a value stands against its target, as reports colour it.</summary>
public enum ReportStatus
{
    Met,
    NotMet,
    AtRisk,
    NoData,
    /// <summary>A 766 score earned on only part of its maximum: neither met nor missed ("chưa đủ dữ liệu").</summary>
    Partial,
}

/// <summary>The Vietnamese word, colour and CSS class of each <see cref="ReportStatus"/>.</summary>
public static class ReportStatusText
{
    public static string Label(this ReportStatus status) => status switch
    {
        ReportStatus.Met => "Đạt",
        ReportStatus.NotMet => "Chưa đạt",
        ReportStatus.AtRisk => "Nguy cơ",
        ReportStatus.Partial => TargetAssessment.LabelVi(TargetState.Partial),
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
        ReportStatus.Partial => "status-partial",
        _ => "status-no-data",
    };
}

/// <summary>The one place where the warehouse's status codes and the domain's target states become report colours.</summary>
public static class ReportStatuses
{
    public static ReportStatus From(TargetState state) => state switch
    {
        TargetState.Met => ReportStatus.Met,
        TargetState.NotMet => ReportStatus.NotMet,
        TargetState.AtRisk => ReportStatus.AtRisk,
        TargetState.Partial => ReportStatus.Partial,
        _ => ReportStatus.NoData,
    };

    /// <summary>A code of <c>fact_indicator_status.status</c> (dat, chua_dat, nguy_co, khong_co_du_lieu, chua_du_du_lieu); null when the
    /// figure has no target, which is not the same as a target with no data.</summary>
    public static ReportStatus? FromCode(string? code)
    {
        if (code is null) return null;
        foreach (var state in Enum.GetValues<TargetState>())
            if (TargetAssessment.Code(state) == code) return From(state);
        throw new ArgumentException($"'{code}' is not a target status code (dat, chua_dat, nguy_co, khong_co_du_lieu, chua_du_du_lieu).");
    }
}
