using System.CommandLine;
using System.Text;
using IndicatorWarehouse.Cli;
using IndicatorWarehouse.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("iw — IndicatorWarehouse: kho dữ liệu chỉ số cải cách hành chính (CCHC)");
GlobalOptions.AddTo(root);
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(SqlCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(BuildCommand.Create());
root.Subcommands.Add(MeasuresCommand.Create());
root.Subcommands.Add(QuickReportCommand.Create());
root.Subcommands.Add(DocsCommand.Create());
root.Subcommands.Add(Index766Command.Create());
root.Subcommands.Add(LeversCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(DrillDownCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(JobsCommand.Create());
root.Subcommands.Add(SnapshotsCommand.Create());
root.Subcommands.Add(ArchiveCommand.Create());
root.Subcommands.Add(RulesCommand.Create());
root.Subcommands.Add(QuarantineCommand.Create());
root.Subcommands.Add(BackupCommands.Backup());
root.Subcommands.Add(BackupCommands.Restore());
root.Subcommands.Add(ScorecardCommand.Create());
root.Subcommands.Add(RankingCommand.Create());
root.Subcommands.Add(ReviewCommand.Create());
root.Subcommands.Add(DemoCommand.Create());

return await root.Parse(args).InvokeAsync();
