using System.CommandLine;
using IndicatorWarehouse.Reporting.Formatting;
using IndicatorWarehouse.Server.Jobs;
using IndicatorWarehouse.Warehouse.Ledger;

namespace IndicatorWarehouse.Cli.Commands;

/// <summary>`iw jobs list|run|pause|resume|history`: the scheduled jobs of a configuration, steered through the warehouse.</summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var command = new Command("jobs", "Scheduled jobs of `iw serve`: list, run by hand, pause, resume, history") { ServeCommand.Config };
        command.Subcommands.Add(List());
        command.Subcommands.Add(Run());
        command.Subcommands.Add(Switch("pause", "Pause a job: its schedule no longer runs it (a run by hand still does)",
            (control, job, ct) => control.PauseAsync(job, "cli:" + Environment.UserName, ct), "tạm dừng / paused"));
        command.Subcommands.Add(Switch("resume", "Resume a paused job", (control, job, ct) => control.ResumeAsync(job, ct), "chạy lại theo lịch / resumed"));
        command.Subcommands.Add(History());
        return command;
    }

    private static JobControl Control(ParseResult parse) => JobControl.From(ServeCommand.Options(parse));

    private static Command List()
    {
        var command = new Command("list", "Every job with its schedule, next run, pause and latest run");
        CommandAction.Set(command, async (parse, ct) =>
        {
            foreach (var s in await Control(parse).ListAsync(ct))
            {
                Console.WriteLine($"{s.Job.Name}  [{s.Job.Cron}]  {(s.Paused ? "TẠM DỪNG / paused" : "lần tới / next " + ViFormat.Timestamp(s.NextFire?.DateTime))}");
                Console.WriteLine($"    {s.Job.Title}");
                if (s.LastRun is { } last) Console.WriteLine($"    gần nhất / last: {Describe(last)}");
                if (s.LastFailure is { } failure && failure != s.LastRun) Console.WriteLine($"    lỗi gần nhất / last failure: {Describe(failure)}");
            }
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    private static Command Run()
    {
        var job = new Argument<string>("job") { Description = "job name, e.g. pull-mot-cua, scorecards, quick-reports" };
        var period = new Option<string?>("--period") { Description = "the period to run for (YYYY-MM for scorecards, YYYY-MM-DD for quick reports)" };
        var force = new Option<bool>("--force") { Description = "run again for a period already done" };
        var command = new Command("run", "Run a job now, in this process, under the lease and in the ledger") { job, period, force };
        CommandAction.Set(command, async (parse, ct) =>
        {
            var result = await Control(parse).RunAsync(parse.GetValue(job)!, parse.GetValue(period), parse.GetValue(force), "cli:" + Environment.UserName, ct);
            Console.WriteLine($"{result.Job} {result.Period}: {result.Outcome} — {result.Message}" +
                              (result.RunId is { } id ? $" (etl_run {id}, {result.Attempts} lần thử / attempts)" : ""));
            return result.Outcome is JobOutcome.Failed ? CommandAction.Failed : CommandAction.Ok;
        });
        return command;
    }

    private static Command Switch(string name, string description, Func<JobControl, string, CancellationToken, Task> act, string done)
    {
        var job = new Argument<string>("job") { Description = "job name" };
        var command = new Command(name, description) { job };
        CommandAction.Set(command, async (parse, ct) =>
        {
            await act(Control(parse), parse.GetValue(job)!, ct);
            Console.WriteLine($"{parse.GetValue(job)}: {done}");
            return CommandAction.Ok;
        });
        return command;
    }

    private static Command History()
    {
        var job = new Argument<string?>("job") { Description = "only this job", Arity = ArgumentArity.ZeroOrOne };
        var count = new Option<int>("--last") { Description = "how many runs", DefaultValueFactory = _ => 20 };
        var command = new Command("history", "The latest runs from the run ledger (etl_run), newest first") { job, count };
        CommandAction.Set(command, async (parse, ct) =>
        {
            foreach (var run in await Control(parse).HistoryAsync(parse.GetValue(job), parse.GetValue(count), ct))
                Console.WriteLine($"{run.RunId,6}  {run.Job,-22} {Describe(run)}  {run.Parameters}");
            return CommandAction.Ok;
        }, WarehouseUse.Reads);
        return command;
    }

    private static string Describe(LedgerRun run) =>
        $"{ViFormat.Timestamp(run.StartedAt)} {run.State}" + (run.Rows is { } rows ? $", {ViFormat.Count(rows)} dòng" : "") +
        (run.Error is { } error ? $" — {error}" : "");
}
