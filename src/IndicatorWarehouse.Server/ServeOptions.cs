using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Server.Jobs;
using IndicatorWarehouse.Server.Scorecards;

namespace IndicatorWarehouse.Server;

/// <summary>Everything `iw serve` starts with: the warehouse, the configuration file's settings, the addresses to
/// listen on, the scorecard service when the host has one, and how the server takes part in running the jobs.</summary>
public sealed record ServeOptions(WarehouseSettings Warehouse, ServeConfig Config, IReadOnlyList<string> Urls)
{
    /// <summary>Loopback only: the app is put on the network through the organisation's reverse proxy.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public ReferenceFiles Reference { get; init; } = ReferenceFiles.Default();
    public IScorecardDocuments? Scorecards { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    public SchedulerNode Scheduler { get; init; } = new();

    /// <summary>The configuration's time zone, in which schedules fire and periods are named.</summary>
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(Config.TimeZone);
}
