using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Domain.Calendar;
using IndicatorWarehouse.Ingestion.Http;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Server.Configuration;
using IndicatorWarehouse.Warehouse.Loading;

namespace IndicatorWarehouse.Server.Jobs;

/// <summary>One source: pull the HTTP endpoint into the drop folder (when it has one), ingest every settled file
/// there, then rebuild the periods the loads touched. Loaded files move to <c>loaded/</c> and rejected ones to
/// <c>rejected/</c> beside them, so each run reads only what is new; a file dropped again is still a no-op by hash.
/// Every file is loaded as of a moment of the data's clock: a pulled one as of when the pull began, a dropped one as of
/// when it was last written.</summary>
public sealed class PullSourceWork(SourceConfig source, IngestService ingest, BuildService build, HttpClient http, DataClock clock)
    : IJobWork
{
    public async Task<JobWorkResult> RunAsync(string period, CancellationToken ct)
    {
        Directory.CreateDirectory(source.Folder);
        var pulledAt = clock.Now;
        var fetched = source.Http is { } endpoint
            ? await new HttpSnapshotFetcher(http, clock.Time).FetchToFileAsync(HttpOptions(endpoint), source.Folder, ct)
            : null;

        int files = 0, unchanged = 0;
        long rows = 0;
        var rejected = new List<string>();
        foreach (var path in SettledFiles())
        {
            SnapshotResult result;
            try
            {
                var asOf = path == fetched ? pulledAt : clock.ToDataTime(File.GetLastWriteTimeUtc(path));
                result = await ingest.IngestFileAsync(Enum.Parse<SourceKind>(source.Kind, ignoreCase: true), path, asOf, source.Profile, null, ct);
            }
            catch (SourceRejectedException e)
            {
                MoveTo(path, "rejected");
                rejected.Add(e.Message);
                continue;
            }
            if (result.AlreadyLoaded)
            {
                unchanged++;
                // A pull that brought the same content again is not worth keeping; a file someone dropped is theirs.
                if (path == fetched) File.Delete(path); else MoveTo(path, "loaded");
                continue;
            }
            MoveTo(path, "loaded");
            files++;
            rows += result.Inserted + result.Updated;
        }

        var built = files > 0 ? await build.BuildAsync(new BuildRequest(), ct) : null;
        if (rejected.Count > 0)
            throw new JobDataRejectedException($"{rejected.Count} tệp bị từ chối (chuyển vào rejected/): {string.Join(" | ", rejected)}");
        if (files == 0)
            return JobWorkResult.NothingNew(unchanged > 0 ? $"Không có dữ liệu mới ({unchanged} tệp đã nạp trước đó)." : "Không có tệp mới.");
        return new JobWorkResult(true, rows, $"Đã nạp {files} tệp, {rows:N0} dòng mới hoặc thay đổi; tính lại {built!.Periods} kỳ.");
    }

    private IEnumerable<string> SettledFiles()
    {
        var settledBefore = clock.Time.GetUtcNow().UtcDateTime.AddSeconds(-source.SettleSeconds);
        return Directory.GetFiles(source.Folder, source.Pattern, SearchOption.TopDirectoryOnly)
            .Where(f => !f.EndsWith(".part", StringComparison.OrdinalIgnoreCase) && File.GetLastWriteTimeUtc(f) <= settledBefore)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private void MoveTo(string path, string subfolder)
    {
        var folder = Path.Combine(source.Folder, subfolder);
        Directory.CreateDirectory(folder);
        File.Move(path, Path.Combine(folder, Path.GetFileName(path)), overwrite: true);
    }

    private HttpSourceOptions HttpOptions(HttpSourceConfig endpoint) => new(new Uri(endpoint.Url))
    {
        Name = source.Name,
        AuthHeaderName = endpoint.AuthHeader,
        AuthHeaderValue = endpoint.AuthValueEnv is { } variable ? Environment.GetEnvironmentVariable(variable) : null,
        ItemsField = endpoint.ItemsField,
        MaxPages = endpoint.MaxPages,
        Paging = endpoint.Paging switch
        {
            "pages" => new HttpPaging.ByPageNumber(endpoint.PageParameter, endpoint.SizeParameter, endpoint.PageSize, endpoint.FirstPage),
            "next" => new HttpPaging.ByNextLink(endpoint.NextField),
            _ => HttpPaging.SinglePage,
        },
    };
}
