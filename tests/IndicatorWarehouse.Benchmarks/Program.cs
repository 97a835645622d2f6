using BenchmarkDotNet.Running;
using IndicatorWarehouse.Benchmarks.Pipeline;
using IndicatorWarehouse.Benchmarks.Scorecards;

// `pipeline` and `scorecards` are the scripted end-to-end runs; anything else goes to BenchmarkDotNet
// (e.g. `--filter '*'` for every micro benchmark).
return args.FirstOrDefault() switch
{
    "pipeline" => await PipelineRun.MainAsync(args[1..]),
    "scorecards" => await ScorecardRun.MainAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(PipelineRun).Assembly).Run(args);
    return 0;
}
