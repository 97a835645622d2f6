using System.Globalization;
using IndicatorWarehouse.Ingestion.Records;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IndicatorWarehouse.Ingestion.Profiles;

/// <summary>The mapping profiles found in one or more folders of YAML files (the shipped ones, then a folder
/// where users add their own; a later folder's profile replaces an earlier one of the same name).</summary>
public sealed class ProfileCatalog
{
    private readonly Dictionary<string, MappingProfile> _byName;

    private ProfileCatalog(Dictionary<string, MappingProfile> byName) => _byName = byName;

    public IEnumerable<MappingProfile> All => _byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public MappingProfile Get(string name) => _byName.TryGetValue(name.Trim(), out var profile)
        ? profile
        : throw new KeyNotFoundException($"No mapping profile named '{name}'. Known profiles: {string.Join(", ", _byName.Keys.Order())}.");

    /// <summary>Reads every *.yaml / *.yml file of the folders that exist; a malformed profile stops the load
    /// with <see cref="InvalidDataException"/> naming the file, rather than being skipped silently.</summary>
    public static ProfileCatalog Load(params string[] directories)
    {
        var byName = new Dictionary<string, MappingProfile>(StringComparer.Ordinal);
        foreach (var directory in directories.Where(Directory.Exists))
        {
            var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml"))
                .Order(StringComparer.Ordinal);
            var inThisFolder = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var profile = LoadFile(file);
                if (!inThisFolder.Add(profile.Name))
                    throw new InvalidDataException($"{file}: another profile in {directory} is also named '{profile.Name}'");
                byName[profile.Name] = profile;
            }
        }
        return new ProfileCatalog(byName);
    }

    public static MappingProfile LoadFile(string path)
    {
        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    /// <summary>Parses one profile; <paramref name="source"/> names it in error messages.</summary>
    public static MappingProfile Parse(TextReader yaml, string source)
    {
        ProfileFile file;
        try
        {
            file = Deserializer.Deserialize<ProfileFile?>(yaml) ?? throw new InvalidDataException($"{source}: the profile is empty");
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{source}: not a valid profile ({e.Start}: {(e.InnerException ?? e).Message})", e);
        }
        try
        {
            return Build(file);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    private static MappingProfile Build(ProfileFile file)
    {
        if (string.IsNullOrWhiteSpace(file.Name)) throw new ArgumentException("the profile has no name");
        if (!SourceKinds.TryParse(file.Kind, out var kind))
            throw new ArgumentException($"kind '{file.Kind}' is not one of onestop, pakn, digitization, targets");
        var schema = CanonicalSchema.For(kind);
        var columns = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (field, headers) in file.Columns)
        {
            RequireField(schema, field, "columns");
            columns[field] = headers switch
            {
                string one => [one],
                IEnumerable<object> many => many.Select(h => Convert.ToString(h, CultureInfo.InvariantCulture) ?? "").ToList(),
                _ => throw new ArgumentException($"columns.{field} must be a header or a list of headers"),
            };
            if (columns[field].Count == 0 || columns[field].Any(string.IsNullOrWhiteSpace))
                throw new ArgumentException($"columns.{field} has an empty header");
        }
        foreach (var required in schema.Fields.Where(f => f.Required && !columns.ContainsKey(f.Name)))
            throw new ArgumentException($"columns has no header for the required field '{required.Name}'");
        var codes = new Dictionary<string, CodeTable>(StringComparer.Ordinal);
        foreach (var (field, translations) in file.Codes)
        {
            RequireField(schema, field, "codes");
            try
            {
                codes[field] = new CodeTable(translations.ToDictionary(t => t.Key, t => t.Value ?? ""));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"codes.{field}: {e.Message}");
            }
        }
        foreach (var format in file.DateFormats)
            _ = DateTime.MinValue.ToString(format, CultureInfo.InvariantCulture);
        return new MappingProfile(file.Name.Trim(), kind, file.Encoding, SingleChar(file.Delimiter, "delimiter"),
            file.HeaderRow >= 1 ? file.HeaderRow : throw new ArgumentException("header_row must be 1 or more"),
            SingleChar(file.DecimalSeparator, "decimal_separator") is var d and ('.' or ',') ? d
                : throw new ArgumentException("decimal_separator must be '.' or ','"),
            file.DateFormats, columns, codes, file.Description);
    }

    private static void RequireField(CanonicalSchema schema, string field, string section)
    {
        if (!schema.Contains(field))
            throw new ArgumentException($"{section}.{field}: '{field}' is not a field of {schema.Kind.Code()} files "
                + $"(fields: {string.Join(", ", schema.Fields.Select(f => f.Name))})");
    }

    private static char SingleChar(string text, string key) =>
        text.Length == 1 ? text[0] : throw new ArgumentException($"{key} must be a single character, not '{text}'");

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    private sealed class ProfileFile
    {
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? Description { get; set; }
        public string Encoding { get; set; } = "utf-8";
        public string Delimiter { get; set; } = ",";
        public int HeaderRow { get; set; } = 1;
        public string DecimalSeparator { get; set; } = ".";
        public List<string> DateFormats { get; set; } = [];
        public Dictionary<string, object> Columns { get; set; } = [];
        public Dictionary<string, Dictionary<string, string?>> Codes { get; set; } = [];
    }
}
