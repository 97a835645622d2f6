namespace IndicatorWarehouse.Reporting.Formatting;

/// <summary>How one kind of value is written: a number of decimals and an optional unit ("%", "điểm").</summary>
public readonly record struct NumberStyle(int Decimals, string Unit = "", bool UnitOnTicks = false)
{
    /// <summary>A rate already in percent: "97,5 %", ticks "90 %".</summary>
    public static NumberStyle Percent { get; } = new(1, "%", UnitOnTicks: true);

    /// <summary>A plain decimal: "17,2".</summary>
    public static NumberStyle Decimal { get; } = new(1);

    /// <summary>A whole count: "1.234".</summary>
    public static NumberStyle Count { get; } = new(0);

    /// <summary>766 index points: "17,2 điểm".</summary>
    public static NumberStyle Points { get; } = new(1, "điểm");

    /// <summary>The style of a catalog unit: <c>percent</c>, <c>points</c> or <c>count</c>.</summary>
    public static NumberStyle ForUnit(string unit) => unit switch
    {
        "percent" => Percent,
        "points" => Points,
        "count" => Count,
        _ => Decimal,
    };

    public bool IsPercent => Unit == "%";

    public string Format(double? value) =>
        value is null ? ViFormat.Missing : WithUnit(ViFormat.Number(value, Decimals));

    /// <summary>For tooltips and descriptions: the value, or the words "không có dữ liệu".</summary>
    public string Describe(double? value) => value is null ? ViFormat.MissingLabel : Format(value);

    /// <summary>An axis tick: no trailing zeros, the unit only where it is short enough to repeat.</summary>
    public string Tick(double value) => UnitOnTicks ? WithUnit(ViFormat.Compact(value)) : ViFormat.Compact(value);

    /// <summary>A difference to a target, signed, without the unit: "-0,5".</summary>
    public string Gap(double? difference) => ViFormat.Signed(difference, Decimals);

    private string WithUnit(string number) => Unit.Length == 0 ? number : number + " " + Unit;
}
