using IndicatorWarehouse.Reporting.Formatting;

namespace IndicatorWarehouse.Reporting.Templates.Shared;

/// <summary>A unit as a report names it; <paramref name="Level"/> is the warehouse's code (department, commune, centre…).</summary>
public sealed record ReportUnit(string Code, string Name, string Level, string? ProvinceName);

/// <summary>What a figure is: its catalog code, Vietnamese name, how it is written, and which way is better
/// (<paramref name="HigherIsBetter"/> null: neither, e.g. the number of dossiers received).</summary>
public sealed record IndicatorLabel(string Code, string Name, NumberStyle Style, bool? HigherIsBetter = true);

/// <summary>The target a figure is held to, where it stands, and the plan that set it.</summary>
/// <param name="Gap">value − target, in the figure's unit (points for rates).</param>
/// <param name="Conflict">the plan states this target more than once with different values (the stricter applies).</param>
public sealed record FigureTarget(string Comparator, double Value, double? Gap, ReportStatus Status, string? Source = null, bool Conflict = false)
{
    /// <summary>value ÷ target in percent, for "at least" targets above 0.</summary>
    public double? Attainment { get; init; }

    /// <summary>The status in words when it says more than <see cref="Status"/> alone: for a 766 score scored on part of
    /// its maximum, "Chưa đủ dữ liệu — 6/22 điểm chấm được" (the domain's assessment, TargetAssessment.LabelVi).</summary>
    public string? StatusLabel { get; init; }

    /// <summary>The span the plan declares the target for, as written: "2021-2025", "2025-", "2022".</summary>
    public string? Span { get; init; }

    /// <summary>The span for people: "2021–2025", "từ 2025", "từ 11/2025".</summary>
    public string? SpanLabel => Span is null ? null
        : Span.EndsWith('-') ? "từ " + string.Join('/', Span.TrimEnd('-').Split('-').Reverse())
        : Span.Replace('-', '–');

    /// <summary>"≥ 98,0 %".</summary>
    public string Describe(NumberStyle style) => $"{ComparatorSign} {style.Format(Value)}";

    private string ComparatorSign => Comparator switch { ">=" => "≥", "<=" => "≤", _ => "=" };
}

/// <summary>One indicator of one unit and period: the value with the numerator and denominator it came from,
/// its target if a plan sets one, and its changes from the month before and the same month a year before.</summary>
public sealed record Figure(IndicatorLabel Indicator, double? Value, double? Numerator = null, double? Denominator = null)
{
    public FigureTarget? Target { get; init; }
    public double? MonthOnMonth { get; init; }
    public double? YearOnYear { get; init; }

    /// <summary>"34/36": the counts behind a rate; null for figures that are not ratios.</summary>
    public string? Fraction => Denominator is { } d && Numerator is { } n && Indicator.Style.IsPercent
        ? $"{ViFormat.Number(n, Whole(n) ? 0 : 1)}/{ViFormat.Number(d, Whole(d) ? 0 : 1)}"
        : null;

    private static bool Whole(double v) => Math.Abs(v - Math.Round(v)) < 1e-9;
}

/// <summary>The snapshots of one source the warehouse holds: how many files, the first and last loaded, up to when.</summary>
public sealed record SourceSummary(string Source, int Files, string FirstFile, string LastFile, DateTime? LatestAsOf, long Rows);

/// <summary>Where a report's figures come from: the data's as-of moment, the loaded snapshots, the counting rule versions.</summary>
public sealed record ReportSources(DateTime? DataAsOf, IReadOnlyList<SourceSummary> Sources, IReadOnlyList<string> RuleVersions)
{
    /// <summary>"tạm tính đến 20/11/2026" when a period ending on <paramref name="periodEnd"/> is still open at the data's
    /// as-of; null when it is closed.</summary>
    public string? ProvisionalMark(DateOnly periodEnd) => Domain.Periods.Provisional.Mark(periodEnd, DataAsOf);
}

/// <summary>An issue that revises an earlier one: which revision, what it replaces, what changed, which loads changed it
/// and which rule files changed since (when the figures were re-scored under other rules).</summary>
public sealed record RevisionNote(int RevisionNo, DateTime? Replaces, IReadOnlyList<string> Changes, IReadOnlyList<string> Loads,
    IReadOnlyList<string>? Rules = null)
{
    public const string Mark = "BẢN ĐIỀU CHỈNH";

    /// <summary>"BẢN ĐIỀU CHỈNH lần 2 — thay thế bản phát hành 21/11/2026 08:00".</summary>
    public string Heading => $"{Mark} lần {RevisionNo}" + (Replaces is { } t ? $" — thay thế bản phát hành {t:dd/MM/yyyy HH:mm}" : "");

    public string? LoadsLine => Loads.Count > 0 ? "Do dữ liệu nạp sau lần phát hành trước: " + string.Join("; ", Loads) : null;

    /// <summary>"Quy tắc thay đổi: index766.yaml 766-2022.1 → 766-2026.1".</summary>
    public string? RulesLine => Rules is { Count: > 0 } rules ? "Quy tắc thay đổi: " + string.Join("; ", rules) : null;

    /// <summary>The note as plain lines, for a form that is not a page (a workbook's rows, a text file beside a CSV).</summary>
    public IEnumerable<string> TextLines() =>
        new[] { Heading }.Concat(Changes.Select(c => "- " + c)).Concat(new[] { RulesLine, LoadsLine }.OfType<string>());
}
