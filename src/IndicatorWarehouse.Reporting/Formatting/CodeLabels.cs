namespace IndicatorWarehouse.Reporting.Formatting;

/// <summary>The Vietnamese names of the codes the warehouse stores (unit levels, sources, PAKN categories);
/// a code without a name is shown as it is.</summary>
public static class CodeLabels
{
    public static string AgencyLevel(string level) => level switch
    {
        "province" => "Ủy ban nhân dân tỉnh",
        "department" => "Sở, ban, ngành",
        "centre" => "Trung tâm Phục vụ hành chính công",
        "commune" => "Ủy ban nhân dân cấp xã",
        _ => level,
    };

    /// <summary>The peers a unit is ranked among, as a heading: "các sở, ban, ngành".</summary>
    public static string AgencyLevelPeers(string level) => level switch
    {
        "department" => "các sở, ban, ngành",
        "centre" => "các trung tâm phục vụ hành chính công",
        "commune" => "các xã, phường",
        _ => "các đơn vị cùng cấp",
    };

    public static string Source(string source) => source switch
    {
        "onestop" => "Một cửa điện tử",
        "pakn" => "Phản ánh, kiến nghị",
        "digitization" => "Số hóa hồ sơ",
        "targets" => "Mục tiêu kế hoạch",
        "figures" => "Số liệu báo cáo thủ công",
        "agencies" => "Danh mục đơn vị",
        _ => source,
    };

    public static string PaknCategory(string? category) => category switch
    {
        "procedure" => "Thủ tục hành chính",
        "conduct" => "Hành vi, thái độ của cán bộ",
        "other" => "Nội dung khác",
        null or "" => "Chưa phân loại",
        _ => category,
    };
}
