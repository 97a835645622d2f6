using Hangfire.Client;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Ledger;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>A firing of a paused job makes no Hangfire job at all (the recurring scheduler logs it as cancelled): the
/// pause is in the warehouse (<c>etl_job_pause</c>), so it holds for every server and for `iw jobs`. Runs by hand go
/// through: their trigger is a person, not the schedule.</summary>
public sealed class PausedJobFilter(WarehouseDatabase database) : IClientFilter
{
    public void OnCreating(CreatingContext context)
    {
        if (context.Job.Args is [string job, _, JobTriggers.Schedule, ..]
            && new JobPauses(database).IsPausedAsync(job).GetAwaiter().GetResult())
            context.Canceled = true;
    }

    public void OnCreated(CreatedContext context)
    {
    }
}
