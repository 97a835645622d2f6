using System.Collections.Specialized;
using System.Globalization;
using IndicatorWarehouse.Warehouse;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>How one `iw serve` takes part in the scheduler cluster of its warehouse: its instance id (AUTO: host name and
/// start time), how often it checks in, when the others count it as gone, how long its scheduler thread sleeps when
/// nothing is due (Quartz's defaults), and how soon it tries again to start when the warehouse could not be reached.
/// Tests shorten the times.</summary>
public sealed record ClusterNode
{
    /// <summary>The scheduler's name in Quartz's tables (SCHED_NAME): the same on every server, which is what makes them
    /// one cluster.</summary>
    public const string SchedulerName = "iw-serve";

    public string InstanceId { get; init; } = "AUTO";
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(7.5);
    public TimeSpan CheckinMisfireThreshold { get; init; } = TimeSpan.FromSeconds(7.5);
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan StartRetry { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Quartz's configuration for this node: JobStoreTX in the warehouse, clustered, with what differs per database
    /// taken from the dialect.</summary>
    public NameValueCollection QuartzProperties(WarehouseDatabase database)
    {
        var store = database.Dialect.JobStore;
        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = SchedulerName,
            ["quartz.scheduler.instanceId"] = InstanceId,
            ["quartz.scheduler.idleWaitTime"] = Milliseconds(IdleWait),
            ["quartz.threadPool.maxConcurrency"] = "2",
            ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
            ["quartz.jobStore.driverDelegateType"] = store.DriverDelegateType,
            ["quartz.jobStore.tablePrefix"] = store.TablePrefix,
            ["quartz.jobStore.dataSource"] = "warehouse",
            ["quartz.dataSource.warehouse.provider"] = store.Provider,
            ["quartz.dataSource.warehouse.connectionString"] = database.ConnectionString,
            ["quartz.jobStore.clustered"] = "true",
            ["quartz.jobStore.clusterCheckinInterval"] = Milliseconds(CheckinInterval),
            ["quartz.jobStore.clusterCheckinMisfireThreshold"] = Milliseconds(CheckinMisfireThreshold),
            // Job data maps hold strings only (who asked for a run), stored as text through our own serializer.
            ["quartz.jobStore.useProperties"] = "true",
            ["quartz.serializer.type"] = typeof(StringMapSerializer).AssemblyQualifiedName,
        };
        if (store.LockHandlerType is { } lockHandler) properties["quartz.jobStore.lockHandler.type"] = lockHandler;
        return properties;
    }

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
