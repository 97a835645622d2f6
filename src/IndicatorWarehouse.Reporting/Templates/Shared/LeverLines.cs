namespace IndicatorWarehouse.Reporting.Templates.Shared;

/// <summary>One 766 lever as the scorecard and the unit dashboard list it: the group, what it takes ("Hồ sơ giải quyết
/// đúng hạn: cần thêm 3 để đạt 20/20 điểm (+2,5 điểm)") and the counts it starts from ("17/20"). Made by the
/// application's <c>UnitLevers</c>; a page only shows it.</summary>
public sealed record LeverLine(string Group, string Sentence, string Counts);

/// <summary>The words both pages use around the list, so the scorecard and the dashboard say the same.</summary>
public static class LeverLines
{
    public const string Title = "Để tăng điểm Bộ chỉ số 766";

    /// <summary>Said in one line when no group below its target has a metric a count of its own can raise.</summary>
    public const string None = "Không có tiêu chí nào của các nhóm chưa đạt mục tiêu còn tăng được điểm bằng số đếm của chính nó " +
                               "(các tiêu chí đã đạt điểm tối đa, hoặc chỉ có tỷ lệ mà không có số đếm).";

    /// <summary>Which groups are listed, and how the list is ordered.</summary>
    public const string Scope = "Các tiêu chí của nhóm chưa đạt mục tiêu kế hoạch (nhóm không có mục tiêu: chưa đạt điểm tối đa), " +
                                "xếp theo số điểm tăng thêm trên mỗi hồ sơ (hoặc thủ tục) cần thêm; số cần thêm tính trên cùng mẫu số, các số đếm khác giữ nguyên.";

    /// <summary>"Số đếm tạm tính đến 20/11/2026: …" for an open month (<paramref name="mark"/> from Provisional.Mark).</summary>
    public static string Provisional(string mark) => $"Số đếm {mark}: tháng chưa kết thúc, số cần thêm còn thay đổi đến hết tháng.";
}
