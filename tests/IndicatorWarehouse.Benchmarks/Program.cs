using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IndicatorWarehouse.Benchmarks.Pipeline;
using IndicatorWarehouse.Benchmarks.Scorecards;

// `pipeline`, `scorecards` and `dashboards` (a load test of a running `iw serve`) are the scripted end-to-end runs; anything else goes to BenchmarkDotNet
// (e.g. `--filter '*'` for every micro benchmark).
return args.FirstOrDefault() switch
{
    "pipeline" => await PipelineRun.MainAsync(args[1..]),
    "scorecards" => await ScorecardRun.MainAsync(args[1..]),
    "dashboards" => await IndicatorWarehouse.Benchmarks.Dashboards.DashboardLoadRun.MainAsync(args[1..]),
    _ => Micro(args),
};

static int Micro(string[] args)
{
    // In process: no generated project to rebuild (minutes on two busy cores), and it runs from any folder.
    // Few iterations: these are figures to plan with, on a shared machine, not a regression gate.
    var job = Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance);
    BenchmarkSwitcher.FromAssembly(typeof(PipelineRun).Assembly).Run(args, DefaultConfig.Instance.AddJob(job));
    return 0;
}
