using System.Reflection;
using IndicatorWarehouse.Application.Setup;
using IndicatorWarehouse.Ingestion;
using IndicatorWarehouse.Ingestion.Profiles;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Warehouse;
using IndicatorWarehouse.Warehouse.Loading;
using IndicatorWarehouse.Warehouse.Rules;

namespace IndicatorWarehouse.Application.Ingest;

/// <summary>`iw ingest`: validated rows of one source file become one snapshot of the warehouse.</summary>
public sealed class IngestService(WarehouseDatabase database, ReferenceFiles reference)
{
    /// <summary>The code version recorded with every snapshot (the audit dimension).</summary>
    public static string CodeVersion { get; } =
        typeof(IngestService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    private readonly SnapshotLoader _loader = new(database);

    /// <summary>Loads one file: hashes it (the same content twice is a no-op, found before reading a row), reads it
    /// through the profile (canonical form without one), and loads it as one snapshot.</summary>
    /// <param name="asOf">the moment the file describes, in the data's time zone; default now on the data's clock — rows
    /// received after it are quarantined</param>
    /// <param name="reload">load it again even if this content is in force (see <see cref="SnapshotFile.Reload"/>)</param>
    public Task<SnapshotResult> IngestFileAsync(SourceKind kind, string path, DateTime? asOf = null, string? profileName = null,
        IProgress<long>? progress = null, CancellationToken ct = default, bool reload = false) =>
        LoadFileAsync(kind, path, profileName is null ? null : reference.Profiles().Get(profileName), asOf ?? database.Clock.Now, progress, ct, reload);

    /// <summary>As <see cref="IngestFileAsync"/>, with the profile itself (e.g. a shipped one adapted to how
    /// `iw quarantine export` writes rows back). An as-of later than now is refused: data cannot describe a moment
    /// still to come, and one such snapshot would carry every period up to it.</summary>
    public async Task<SnapshotResult> LoadFileAsync(SourceKind kind, string path, MappingProfile? profile, DateTime asOf,
        IProgress<long>? progress = null, CancellationToken ct = default, bool reload = false)
    {
        var now = database.Clock.Now;
        if (asOf > now)
            throw new ArgumentException(
                $"--as-of {asOf:dd/MM/yyyy HH:mm} là thời điểm trong tương lai (bây giờ là {now:dd/MM/yyyy HH:mm} theo giờ {database.Clock.Zone.Id}): " +
                $"dữ liệu chỉ có thể được chốt đến hiện tại / --as-of is in the future (now is {now:yyyy-MM-dd HH:mm} {database.Clock.Zone.Id}).");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: không có tệp này / no such file", path);
        var file = new SnapshotFile(kind.Code(), Path.GetFileName(path), await FileHash.Sha256Async(path, ct), profile?.Name, asOf, CodeVersion)
            { Reload = reload };
        if (!reload && await _loader.FindLoadedAsync(file, ct) is { } already) return already;
        return kind switch
        {
            SourceKind.Onestop => await LoadDossiersAsync(file, SourceFileReader.ReadDossiers(path, profile, asOf), progress, ct),
            SourceKind.Pakn => await LoadPaknAsync(file, SourceFileReader.ReadPakn(path, profile, asOf), progress, ct),
            SourceKind.Digitization => await LoadDigitizationAsync(file, SourceFileReader.ReadDigitization(path, profile, asOf), progress, ct),
            SourceKind.Figures => await LoadFiguresAsync(file, SourceFileReader.ReadFigures(path, profile, asOf), progress, ct),
            _ => await LoadTargetsAsync(file, SourceFileReader.ReadTargets(path, profile, asOf), progress, ct),
        };
    }

    public Task<SnapshotResult> LoadDossiersAsync(SnapshotFile file, IEnumerable<RowOutcome<DossierRecord>> rows,
        IProgress<long>? progress = null, CancellationToken ct = default) =>
        LoadAsync(file, DossierStaging.Target, Staging.Of(reference.ValueBounds().Check(rows, SourceKind.Onestop, DossierStaging.Bounded), DossierStaging.Values),
            progress, ct);

    public Task<SnapshotResult> LoadPaknAsync(SnapshotFile file, IEnumerable<RowOutcome<PaknRecord>> rows,
        IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var staging = new PaknStaging(reference.Holidays(), reference.Deadlines().Pakn);
        return LoadAsync(file, PaknStaging.Target, Staging.Of(rows, staging.Values), progress, ct);
    }

    public Task<SnapshotResult> LoadDigitizationAsync(SnapshotFile file, IEnumerable<RowOutcome<DigitizationRecord>> rows,
        IProgress<long>? progress = null, CancellationToken ct = default) =>
        LoadAsync(file, DigitizationStaging.Target,
            Staging.Of(reference.ValueBounds().Check(rows, SourceKind.Digitization, DigitizationStaging.Bounded), DigitizationStaging.Values), progress, ct);

    public Task<SnapshotResult> LoadFiguresAsync(SnapshotFile file, IEnumerable<RowOutcome<FigureRecord>> rows,
        IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var staging = new FigureStaging(reference.Indicators(), KnownAgencies());
        return LoadAsync(file, FigureStaging.Target, staging.Stage(rows), progress, ct);
    }

    public Task<SnapshotResult> LoadTargetsAsync(SnapshotFile file, IEnumerable<RowOutcome<TargetRecord>> rows,
        IProgress<long>? progress = null, CancellationToken ct = default) =>
        LoadAsync(file, TargetStaging.Target, new TargetStaging(reference.Indicators(), KnownAgencies()).Stage(rows), progress, ct);

    private HashSet<string> KnownAgencies() => reference.Agencies().Select(a => a.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>Loads with the rule set in force recorded on the snapshot: the deadlines it derives follow those rules.</summary>
    private async Task<SnapshotResult> LoadAsync(SnapshotFile file, LoadTarget target, IEnumerable<StagedRow> rows, IProgress<long>? progress,
        CancellationToken ct)
    {
        if (!file.Reload && await _loader.FindLoadedAsync(file, ct) is { } already) return already;
        var ruleSetId = await new RuleSetStore(database).EnsureAsync(reference.RuleFiles(), "load", ct);
        return await _loader.LoadAsync(file with { RuleSetId = ruleSetId }, target, rows, progress, ct);
    }
}
