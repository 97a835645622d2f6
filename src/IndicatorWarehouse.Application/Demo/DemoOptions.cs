namespace IndicatorWarehouse.Application.Demo;

/// <summary>What `iw demo` generates and renders: the synthetic province's years and size, the snapshot moment, and where it all goes.</summary>
public sealed record DemoOptions
{
    public string OutputDirectory { get; init; } = Path.Combine("out", "demo");
    public int DossiersPerYear { get; init; } = 30_000;
    public int FirstYear { get; init; } = 2021;
    public int LastYear { get; init; } = 2026;
    public int Seed { get; init; } = 1;

    /// <summary>The moment the generated snapshots describe; reports cover the last complete month before it.</summary>
    public DateTime AsOf { get; init; } = new(2026, 11, 20, 17, 0, 0);

    /// <summary>The date printed on the reports as "Ngày lập": the as-of day unless given, so the demo prints the
    /// same day whenever it runs.</summary>
    public DateOnly GeneratedOn { get => _generatedOn ?? DateOnly.FromDateTime(AsOf); init => _generatedOn = value; }
    private readonly DateOnly? _generatedOn;

    /// <summary>Units that get a quick report for the as-of day: a Sở, the service centre and a commune.</summary>
    public IReadOnlyList<string> QuickReportUnits { get; init; } = ["TNI.SYT", "TNI.TTPVHCC", "TNI.X001"];

    public string SourcesDirectory => Path.Combine(OutputDirectory, "sources");
    public string WarehousePath => Path.Combine(OutputDirectory, "warehouse.db");
    public string ReportsDirectory => Path.Combine(OutputDirectory, "reports");
}
