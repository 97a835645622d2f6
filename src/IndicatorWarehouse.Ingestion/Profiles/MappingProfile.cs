using System.Text;
using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Profiles;

/// <summary>How one vendor's export maps onto a canonical format: which header holds which field, the text
/// encoding and delimiter, the date formats, the decimal separator and the names used for codes. Profiles
/// are data files (YAML), read by <see cref="ProfileCatalog"/>.</summary>
public sealed class MappingProfile
{
    private readonly IReadOnlyList<string>?[] _headers;
    private readonly CodeTable?[] _codes;

    public MappingProfile(string name, SourceKind kind, string encodingName, char delimiter, int headerRow, char decimalSeparator,
        IReadOnlyList<string> dateFormats, IReadOnlyDictionary<string, IReadOnlyList<string>> columns,
        IReadOnlyDictionary<string, CodeTable> codes, string? description = null)
    {
        Name = name;
        Kind = kind;
        Description = description;
        Encoding = TextEncodings.Strict(encodingName);
        Delimiter = delimiter;
        HeaderRow = headerRow;
        DecimalSeparator = decimalSeparator;
        DateFormats = dateFormats;
        Schema = CanonicalSchema.For(kind);
        _headers = new IReadOnlyList<string>?[Schema.Fields.Count];
        foreach (var (field, headers) in columns) _headers[Schema[field].Ordinal] = headers;
        _codes = new CodeTable?[Schema.Fields.Count];
        foreach (var (field, table) in codes) _codes[Schema[field].Ordinal] = table;
    }

    public string Name { get; }
    public SourceKind Kind { get; }
    public string? Description { get; }
    public Encoding Encoding { get; }
    public char Delimiter { get; }
    public int HeaderRow { get; }
    public char DecimalSeparator { get; }
    public IReadOnlyList<string> DateFormats { get; }
    public CanonicalSchema Schema { get; }

    /// <summary>True for the built-in profile of files already in canonical form.</summary>
    public bool IsCanonical { get; private init; }

    public ReadOptions ReadOptions => new(Encoding, Delimiter, HeaderRow, DecimalSeparator);

    /// <summary>The headers that may hold <paramref name="field"/> (empty when the profile does not map it).</summary>
    public IReadOnlyList<string> HeadersFor(CanonicalField field) => _headers[field.Ordinal] ?? [];

    public CodeTable? CodesFor(CanonicalField field) => _codes[field.Ordinal];

    /// <summary>The same mapping for a UTF-8, comma-separated file with the header on row 1: how `iw quarantine export`
    /// writes rows back out, each cell as the source file had it (dates, decimals and code names in this profile's
    /// conventions).</summary>
    public MappingProfile AsUtf8Csv() => new(this, "utf-8", ',', 1);

    private MappingProfile(MappingProfile from, string encodingName, char delimiter, int headerRow)
    {
        Name = from.Name;
        Kind = from.Kind;
        Description = from.Description;
        Encoding = TextEncodings.Strict(encodingName);
        Delimiter = delimiter;
        HeaderRow = headerRow;
        DecimalSeparator = from.DecimalSeparator;
        DateFormats = from.DateFormats;
        Schema = from.Schema;
        _headers = from._headers;
        _codes = from._codes;
        IsCanonical = from.IsCanonical;
    }

    /// <summary>Files in canonical form: canonical field names as headers, UTF-8, ISO dates, decimal point.</summary>
    public static MappingProfile Canonical(SourceKind kind)
    {
        var schema = CanonicalSchema.For(kind);
        return new MappingProfile("canonical", kind, "utf-8", ',', 1, '.', [],
            schema.Fields.ToDictionary(f => f.Name, f => (IReadOnlyList<string>)[f.Name]),
            new Dictionary<string, CodeTable>()) { IsCanonical = true };
    }

    public override string ToString() => $"{Name} ({Kind.Code()})";
}
