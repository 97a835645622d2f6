using IndicatorWarehouse.Application.Files;
using IndicatorWarehouse.Application.Reports;
using IndicatorWarehouse.Server.Scorecards;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>The closed month's scorecard PDF of every unit, written to <c>&lt;output&gt;/scorecards/&lt;month&gt;/</c>.</summary>
public sealed class ScorecardsWork(IScorecardDocuments? scorecards, UnitList units, string output) : IJobWork
{
    public async Task<JobWorkResult> RunAsync(string period, CancellationToken ct)
    {
        if (scorecards is null) return JobWorkResult.NothingNew(ScorecardsMissing.Message);
        var folder = Path.Combine(output, "scorecards", period);
        Directory.CreateDirectory(folder);
        var codes = await units.ResolveAsync(ct);
        foreach (var code in codes)
            await File.WriteAllBytesAsync(SafeFileName.In(folder, SafeFileName.Of("phieu-diem", code, period) + ".pdf"), await scorecards.IssueAsync(code, period, IssuedBy.Scheduler("scorecards"), ct), ct);
        return new JobWorkResult(true, codes.Count, $"{codes.Count} phiếu điểm tháng {period} trong {folder}.");
    }
}
