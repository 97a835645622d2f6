using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.QuickReport;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Application.Alerts;
using IndicatorWarehouse.Server.Alerts;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Server.Scorecards;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Queries;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>The jobs the configuration defines: <c>pull-&lt;source&gt;</c> for every source, <c>scorecards</c> and
/// <c>quick-reports</c>. Schedules and sources come from the file, never from code.</summary>
public sealed class JobCatalog(IReadOnlyList<JobDefinition> jobs)
{
    public const string Scorecards = "scorecards", QuickReports = "quick-reports", Alerts = "alerts";

    public IReadOnlyList<JobDefinition> All => jobs;

    public JobDefinition? Find(string name) => jobs.FirstOrDefault(j => j.Name == name);

    public JobDefinition Get(string name) => Find(name)
        ?? throw new KeyNotFoundException($"No job '{name}'; the jobs are: {string.Join(", ", jobs.Select(j => j.Name))}.");

    public static string PullJobName(SourceConfig source) => "pull-" + source.Name;

    public static JobCatalog From(ServeConfig config, WarehouseDatabase database, ReferenceFiles reference, IScorecardDocuments? scorecards,
        HttpClient http)
    {
        var ingest = new IngestService(database, reference);
        var build = new BuildService(database, reference);
        var queries = new DashboardQueries(database);
        var jobs = config.Sources.Select(source => new JobDefinition(
                PullJobName(source), $"Lấy và nạp dữ liệu nguồn {source.Name} ({source.Kind}), rồi tính lại các kỳ bị ảnh hưởng",
                source.Cron, new JobPeriod.Minute(), new PullSourceWork(source, ingest, build, http, database.Clock)))
            .ToList();
        jobs.Add(new JobDefinition(Scorecards, $"Phiếu điểm tháng đã khóa sổ (từ ngày {config.Scorecards.Day} tháng sau)",
            config.Scorecards.Cron, new JobPeriod.ClosedMonth(config.Scorecards.Day),
            new ScorecardsWork(scorecards, new UnitList(config.Scorecards.Units, queries), config.Output)));
        jobs.Add(new JobDefinition(QuickReports, "Báo cáo nhanh hằng ngày (trước 16 giờ)",
            config.QuickReports.Cron, new JobPeriod.Day(),
            new QuickReportsWork(new QuickReportService(database, reference), new UnitList(config.QuickReports.Units, queries), config.Output)));
        jobs.Add(new JobDefinition(Alerts, "Tổng hợp cảnh báo hằng ngày, gửi thư trước 16 giờ",
            config.Alerts.Cron, new JobPeriod.Day(), new AlertsWork(new AlertService(database, reference), config.Alerts, database.Clock)));
        return new JobCatalog(jobs);
    }
}
