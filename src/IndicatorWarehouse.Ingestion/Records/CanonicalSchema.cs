namespace IndicatorWarehouse.Ingestion.Records;

/// <summary>How a canonical field is written in a source file.</summary>
public enum FieldType { Text, Code, DateTime, Integer, Decimal, Flag }

/// <summary>One field of a canonical source format (../../shared/docs/source-formats.md).</summary>
/// <param name="Required">The column must exist in the file and the value must not be empty.</param>
public sealed record CanonicalField(string Name, FieldType Type, bool Required, int Ordinal);

/// <summary>The fields of one canonical source format, in file order.</summary>
public sealed class CanonicalSchema
{
    private readonly Dictionary<string, CanonicalField> _byName;

    private CanonicalSchema(SourceKind kind, params (string Name, FieldType Type, bool Required)[] fields)
    {
        Kind = kind;
        Fields = fields.Select((f, i) => new CanonicalField(f.Name, f.Type, f.Required, i)).ToList();
        _byName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public SourceKind Kind { get; }
    public IReadOnlyList<CanonicalField> Fields { get; }

    public CanonicalField this[string name] => _byName.TryGetValue(name, out var f)
        ? f : throw new KeyNotFoundException($"'{name}' is not a field of {Kind.Code()} files.");

    public bool Contains(string name) => _byName.ContainsKey(name);

    public static CanonicalSchema Onestop { get; } = new(SourceKind.Onestop,
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
        ("feedback_code", FieldType.Text, true), ("agency_code", FieldType.Text, true),
        ("channel", FieldType.Code, false), ("category", FieldType.Code, false),
        ("received_at", FieldType.DateTime, true), ("transferred_at", FieldType.DateTime, false),
        ("due_at", FieldType.DateTime, false), ("handled_at", FieldType.DateTime, false),
        ("state", FieldType.Code, false), ("published_at", FieldType.DateTime, false), ("reaction", FieldType.Code, false));

    public static CanonicalSchema Digitization { get; } = new(SourceKind.Digitization,
        ("dossier_code", FieldType.Text, true), ("agency_code", FieldType.Text, true),
        ("documents_submitted", FieldType.Integer, false), ("documents_digitized", FieldType.Integer, false),
        ("documents_reused", FieldType.Integer, false), ("from_personal_store", FieldType.Flag, false),
        ("population_db_used", FieldType.Flag, false), ("result_required", FieldType.Flag, false),
        ("result_electronic", FieldType.Flag, false), ("result_file_url", FieldType.Text, false));

    public static CanonicalSchema Targets { get; } = new(SourceKind.Targets,
        ("agency_code", FieldType.Text, true), ("indicator", FieldType.Code, true), ("period", FieldType.Code, true),
        ("comparator", FieldType.Code, true), ("value", FieldType.Decimal, true),
        ("source_document", FieldType.Text, true), ("clause", FieldType.Text, true));

    /// <summary>Figures reported by hand: a value, or numerator and denominator, with the document and clause.</summary>
    public static CanonicalSchema Figures { get; } = new(SourceKind.Figures,
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
