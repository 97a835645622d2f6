namespace IndicatorWarehouse.Warehouse.Loading;

/// <summary>The audit facts of one snapshot file (becomes a row of <c>etl_snapshot</c>).</summary>
/// <param name="RuleSetId">the rule set (etl_rule_set) its derived deadline keys are computed with</param>
public sealed record SnapshotFile(string Source, string FileName, string FileHash, string? Profile, DateTime AsOf, string CodeVersion,
    long? RuleSetId = null)
{
    /// <summary>Load it again even if this content is in force already (`iw ingest --reload`): under a corrected profile
    /// or as-of, as a new snapshot that first reverts the one in force.</summary>
    public bool Reload { get; init; }
}

/// <summary>Where a source's rows go: the dialect script (<c>load/&lt;name&gt;.sql</c>, run step by step) and the
/// staging table with its columns, in the order the staged values come.</summary>
public sealed record LoadTarget(string Script, string StagingName, IReadOnlyList<string> Columns)
{
    /// <summary>The columns that name one record (the script's drop_duplicates step keeps its last line); default the first.</summary>
    public IReadOnlyList<string> Key { get; init; } = [Columns[0]];
}

/// <summary>One row read from the file: the values to stage, or why it goes to quarantine instead.</summary>
public sealed record StagedRow(int Line, object?[]? Values, string RawJson, string? RecordKey, string? ProblemField, string? ProblemReason)
{
    public static StagedRow Valid(int line, object?[] values) => new(line, values, "", null, null, null);

    public static StagedRow Quarantined(int line, string rawJson, string? key, string field, string reason) =>
        new(line, null, rawJson, key, field, reason);
}

/// <summary>What a load did. <see cref="AlreadyLoaded"/>: the same content was loaded before and nothing changed.</summary>
public sealed record SnapshotResult(
    long SnapshotId, bool AlreadyLoaded, long Read, long Inserted, long Updated, long Unchanged, long Stale, long Quarantined, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;

    /// <summary>Lines replaced by a later line of the same record in the same file whose content differs: the last line
    /// wins (as documented), but these are not "unchanged" — the file contradicts itself, and the summary says so.</summary>
    public long Superseded { get; init; }

    /// <summary>The snapshot of the same file this reload reverted and replaced, if any.</summary>
    public long? Replaced { get; init; }

    /// <summary>A file with no row (an export of the header alone): loaded, but no sign the source has fresh data.</summary>
    public bool IsEmpty => !AlreadyLoaded && Read == 0;
}
