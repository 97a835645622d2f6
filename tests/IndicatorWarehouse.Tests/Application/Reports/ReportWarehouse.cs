using System.Collections.Concurrent;
using System.Text;
using IndicatorWarehouse.Application.Build;
using IndicatorWarehouse.Application.Ingest;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Ingestion.Synthetic;
using IndicatorWarehouse.Tests.Ingestion.Synthetic;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Application.Reports;

/// <summary>
/// A small real warehouse for the report tests, built once per test class: synthetic sources for 2024–2026, the shipped
/// targets, targets of our own for the province and a Sở, and one late dossier whose names are markup; then the real build.
/// </summary>
public sealed class ReportWarehouse : IAsyncLifetime
{
    public const string Month = "2026-10";
    public const string Sở = "TNI.SYT";
    public const string Province = "TNI";
    public const string ScriptProcedure = "<script>alert('thủ tục')</script>";
    public const string ScriptReason = "<img src=x onerror=alert(1)>";

    private static readonly DateTime AsOf = new(2026, 11, 20, 17, 0, 0);
    private readonly ConcurrentDictionary<string, Task<string>> rendered = new();

    public TempWarehouse Warehouse { get; private set; } = null!;
    public ReferenceFiles Reference { get; } = ReferenceFiles.Default();
    public string Output => Path.Combine(Warehouse.Directory, "reports");
    public DateOnly GeneratedOn { get; } = new(2026, 11, 21);

    public async Task InitializeAsync()
    {
        Warehouse = await TempWarehouse.InitializedAsync();
        var sources = Path.Combine(Warehouse.Directory, "sources");
        var generated = GeneratedSources.Generate(sources,
            new SyntheticOptions { Seed = 5, FirstYear = 2024, LastYear = 2026, DossiersPerYear = 3_000, AsOf = AsOf });
        var ingest = new IngestService(Warehouse.Database, Reference);
        foreach (var file in generated.Files.OrderBy(f => f.Source))
            await ingest.IngestFileAsync(file.Source, file.Path, AsOf);
        foreach (var targets in Directory.GetFiles(Reference.PathOf("targets"), "*.csv"))
            await ingest.IngestFileAsync(SourceKind.Targets, targets, AsOf);
        await ingest.IngestFileAsync(SourceKind.Targets, Write(sources, "test-targets.csv", """
            agency_code,indicator,period,comparator,value,source_document,clause
            TNI,on_time_rate_766,2021-2025,>=,95,KH CCHC tỉnh (thử),I.1
            TNI,on_time_rate_766,2026-2030,>=,99,KH CCHC tỉnh (thử),II.1
            TNI.SNV,online_rate,2025,>=,60,KH-SNV (thử),1
            """), AsOf);
        await ingest.IngestFileAsync(SourceKind.Onestop, Write(sources, "onestop_markup.csv", $"""
            dossier_code,procedure_code,procedure_name,field_code,field_name,agency_code,agency_name,applicant_type,received_at,due_at,finished_at,returned_at,status,channel,online_service,fee_amount,paid_online,supplement_requests,supplement_wait_days,apology_issued,late_reason,citizen_rating
            TEST-MARKUP-1,TEST.001,"{ScriptProcedure}",TESTFIELD,<b>Lĩnh vực thử</b>,{Sở},Sở Y tế Tây Ninh,1,2026-10-01T08:00:00,2026-10-05T17:00:00,2026-10-09T10:00:00,,10,1,,0,0,0,0,1,{ScriptReason},
            """), AsOf);
        await new BuildService(Warehouse.Database, Reference).BuildAsync(new BuildRequest(All: true));
    }

    /// <summary>A report rendered once and shared by the tests that read it.</summary>
    public Task<string> RenderedAsync(string key, Func<Task<string>> render) => rendered.GetOrAdd(key, _ => render());

    private static string Write(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text + "\n", new UTF8Encoding(false));
        return path;
    }

    public async Task DisposeAsync() => await Warehouse.DisposeAsync();
}
