using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using IndicatorWarehouse.Warehouse;
using Microsoft.Data.SqlClient;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>Where a server keeps its Hangfire schedule, as the warehouse's dialect says (<see cref="Warehouse.Dialects.JobStoreSettings"/>).
/// SQL Server: Hangfire.SqlServer in its own schema of the warehouse, on Microsoft.Data.SqlClient, shared by every
/// `iw serve` of the warehouse. SQLite: Hangfire.InMemory, one per server, since Hangfire.Storage.SQLite ran firings
/// twice with two servers on one file (dashboards/README.md); the warehouse's run ledger and leases are then what the
/// servers share and what outlives a restart.</summary>
public sealed class JobStore
{
    private readonly WarehouseDatabase _database;
    private readonly string? _schema;

    static JobStore() => ConfigureHangfire();

    public JobStore(WarehouseDatabase database, SchedulerNode node)
    {
        _database = database;
        _schema = database.Dialect.JobStore.SharedSchema;
        // Opening touches nothing: Hangfire's schema is made in PrepareAsync, which a server retries until the database answers.
        Storage = _schema is null
            ? new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid })
            : new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
            {
                SchemaName = _schema,
                SqlClientFactory = SqlClientFactory.Instance,
                PrepareSchemaIfNecessary = false,
                QueuePollInterval = node.PollInterval,
                SlidingInvisibilityTimeout = node.InvisibilityTimeout,
            });
    }

    public JobStorage Storage { get; }

    /// <summary>True when every server of the warehouse shares this store (one schedule, each firing taken by one server).</summary>
    public bool Shared => _schema is not null;

    public string Describe => _schema is null ? "Hangfire.InMemory" : $"Hangfire.SqlServer, schema {_schema}";

    /// <summary>How a Hangfire job names itself on the lease: its id, unique in a shared store; in a private one, unique
    /// only in this server, so prefixed with it.</summary>
    public string ClaimScope(string holder) => Shared ? "hangfire" : "hangfire@" + holder;

    /// <summary>Creates or upgrades Hangfire's schema (a no-op when current; several servers may do it at once, Hangfire
    /// takes a lock), or, for a private store, checks that the warehouse has its job tables.</summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        if (_schema is null)
        {
            await ServerHost.EnsureWarehouseReadyAsync(_database, ct);
            return;
        }
        await using var connection = await _database.OpenAsync(ct);
        SqlServerObjectsInstaller.Install(connection, _schema);
    }

    /// <summary>Hangfire's filters that every job gets (culture, statistics, continuations) without its default retry of ten
    /// attempts: ours is the configuration's (<see cref="JobRetry.Filter"/>).</summary>
    public static JobFilterCollection HangfireFilters { get; } = WithoutDefaultRetry();

    /// <summary>Hangfire's process-wide settings: the serializer of 1.8, type names without versions so that servers of two
    /// builds read each other's jobs, and its log (warnings and worse) to the console through a logger factory that lives
    /// as long as the process: Hangfire's log is global, so it must not hang on one web app's factory, which is gone
    /// once that app stops (tests run several apps in one process).</summary>
    private static void ConfigureHangfire() => GlobalConfiguration.Configuration
        .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
        .UseSimpleAssemblyNameTypeSerializer()
        .UseRecommendedSerializerSettings()
        .UseLogProvider(new AspNetCoreLogProvider(LoggerFactory.Create(log => log.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))));

    private static JobFilterCollection WithoutDefaultRetry()
    {
        var filters = new JobFilterCollection();
        foreach (var filter in GlobalJobFilters.Filters.Where(f => f.Instance is not AutomaticRetryAttribute)) filters.Add(filter.Instance, filter.Order);
        return filters;
    }
}
