namespace IndicatorWarehouse.Ingestion.Records;

/// <summary>How a canonical field is written in a source file.</summary>
public enum FieldType { Text, Code, DateTime, Integer, Decimal, Flag }

/// <summary>One field of a canonical source format (../../shared/docs/source-formats.md).</summary>
/// <param name="Required">The column must exist in the file and the value must not be empty.</param>
public sealed record CanonicalField(string Name, FieldType Type, bool Required, int Ordinal)
{
    /// <summary>The most characters the warehouse stores for it (the width of its SQL Server column); null: no limit
    /// or not text. A longer value quarantines its row on every database instead of failing a whole load on one.</summary>
    public int? MaxLength { get; init; }
}

/// <summary>The fields of one canonical source format, in file order.</summary>
public sealed class CanonicalSchema
{
    private readonly Dictionary<string, CanonicalField> _byName;

    private CanonicalSchema(SourceKind kind, (string Name, int Width)[] widths, params (string Name, FieldType Type, bool Required)[] fields)
    {
        Kind = kind;
        var width = widths.ToDictionary(w => w.Name, w => w.Width);
        Fields = fields.Select((f, i) => new CanonicalField(f.Name, f.Type, f.Required, i) { MaxLength = width.TryGetValue(f.Name, out var w) ? w : null })
            .ToList();
        _byName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public SourceKind Kind { get; }
    public IReadOnlyList<CanonicalField> Fields { get; }

    public CanonicalField this[string name] => _byName.TryGetValue(name, out var f)
        ? f : throw new KeyNotFoundException($"'{name}' is not a field of {Kind.Code()} files.");

    public bool Contains(string name) => _byName.ContainsKey(name);

    // Widths: the SQL Server columns the values land in (sql/sqlserver/002_dimensions.sql, 003_facts.sql, load/*.sql).
    private static readonly (string, int) AgencyCode = ("agency_code", 50);
    private static readonly (string, int) DossierCode = ("dossier_code", 100);
    private static readonly (string, int)[] Provenance = [AgencyCode, ("indicator", 100), ("source_document", 300), ("clause", 200)];

    public static CanonicalSchema Onestop { get; } = new(SourceKind.Onestop,
        [DossierCode, ("procedure_code", 50), ("procedure_name", 1000), ("field_code", 50), ("field_name", 400), AgencyCode,
         ("agency_name", 300), ("online_service", 12), ("late_reason", 1000), ("citizen_rating", 10)],
        ("dossier_code", FieldType.Text, true), ("procedure_code", FieldType.Text, true), ("procedure_name", FieldType.Text, false),
        ("field_code", FieldType.Text, false), ("field_name", FieldType.Text, false),
        ("agency_code", FieldType.Text, true), ("agency_name", FieldType.Text, false), ("applicant_type", FieldType.Code, false),
        ("received_at", FieldType.DateTime, true), ("due_at", FieldType.DateTime, false),
        ("finished_at", FieldType.DateTime, false), ("returned_at", FieldType.DateTime, false),
        ("status", FieldType.Code, false), ("channel", FieldType.Code, false), ("online_service", FieldType.Code, false),
        ("fee_amount", FieldType.Decimal, false), ("paid_online", FieldType.Code, false),
        ("supplement_requests", FieldType.Integer, false), ("supplement_wait_days", FieldType.Decimal, false),
        ("apology_issued", FieldType.Flag, false), ("late_reason", FieldType.Text, false), ("citizen_rating", FieldType.Code, false));

    public static CanonicalSchema Pakn { get; } = new(SourceKind.Pakn,
        [("feedback_code", 100), AgencyCode, ("channel", 50), ("category", 200), ("state", 20), ("reaction", 10)],
        ("feedback_code", FieldType.Text, true), ("agency_code", FieldType.Text, true),
        ("channel", FieldType.Code, false), ("category", FieldType.Code, false),
        ("received_at", FieldType.DateTime, true), ("transferred_at", FieldType.DateTime, false),
        ("due_at", FieldType.DateTime, false), ("handled_at", FieldType.DateTime, false),
        ("state", FieldType.Code, false), ("published_at", FieldType.DateTime, false), ("reaction", FieldType.Code, false));

    public static CanonicalSchema Digitization { get; } = new(SourceKind.Digitization,
        [DossierCode, AgencyCode, ("result_file_url", 2000)],
        ("dossier_code", FieldType.Text, true), ("agency_code", FieldType.Text, true),
        ("documents_submitted", FieldType.Integer, false), ("documents_digitized", FieldType.Integer, false),
        ("documents_reused", FieldType.Integer, false), ("from_personal_store", FieldType.Flag, false),
        ("population_db_used", FieldType.Flag, false), ("result_required", FieldType.Flag, false),
        ("result_electronic", FieldType.Flag, false), ("result_file_url", FieldType.Text, false));

    public static CanonicalSchema Targets { get; } = new(SourceKind.Targets, Provenance,
        ("agency_code", FieldType.Text, true), ("indicator", FieldType.Code, true), ("period", FieldType.Code, true),
        ("comparator", FieldType.Code, true), ("value", FieldType.Decimal, true),
        ("source_document", FieldType.Text, true), ("clause", FieldType.Text, true));

    /// <summary>Figures reported by hand: a value, or numerator and denominator, with the document and clause.</summary>
    public static CanonicalSchema Figures { get; } = new(SourceKind.Figures, Provenance,
        ("agency_code", FieldType.Text, true), ("indicator", FieldType.Code, true), ("period", FieldType.Code, true),
        ("value", FieldType.Decimal, false), ("numerator", FieldType.Decimal, false), ("denominator", FieldType.Decimal, false),
        ("source_document", FieldType.Text, true), ("clause", FieldType.Text, true));

    public static CanonicalSchema For(SourceKind kind) => kind switch
    {
        SourceKind.Onestop => Onestop,
        SourceKind.Pakn => Pakn,
        SourceKind.Digitization => Digitization,
        SourceKind.Figures => Figures,
        _ => Targets,
    };
}

/// <summary>The names source kinds have on the command line and in profiles.</summary>
public static class SourceKinds
{
    public static string Code(this SourceKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out SourceKind kind) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);
}
