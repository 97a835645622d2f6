namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>The column names of a source file as read, with a tolerant name lookup.</summary>
public sealed class RawHeader
{
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguous = new(StringComparer.Ordinal);

    public RawHeader(IReadOnlyList<string> names)
    {
        var unique = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            // A duplicated or blank header must stay addressable in the raw JSON kept for quarantine.
            var name = names[i].Trim();
            if (name.Length == 0) name = $"(column {i + 1})";
            var candidate = name;
            for (var n = 2; Array.IndexOf(unique, candidate, 0, i) >= 0; n++) candidate = $"{name} #{n}";
            unique[i] = candidate;
            if (!_byKey.TryAdd(HeaderKey.Normalize(name), i)) _ambiguous.Add(HeaderKey.Normalize(name));
        }
        Names = unique;
    }

    public IReadOnlyList<string> Names { get; }
    public int Count => Names.Count;

    /// <summary>Column index of <paramref name="name"/> compared NFC-normalized, ignoring case and spacing; -1 if absent.</summary>
    public int IndexOf(string name) => _byKey.TryGetValue(HeaderKey.Normalize(name), out var i) ? i : -1;

    /// <summary>True when more than one column has the normalized form of <paramref name="name"/>.</summary>
    public bool IsAmbiguous(string name) => _ambiguous.Contains(HeaderKey.Normalize(name));

    public override string ToString() => string.Join(", ", Names);
}


/// <summary>One data row as read: where it is (line of a CSV, element of a JSON array, row of a sheet) and its
/// cell texts by column. Empty cells are "" (CSV, XLSX) or null (JSON null or absent).</summary>
public readonly record struct RawRow(int Number, RawHeader Header, string?[] Values)
{
    public string? this[string column] => Header.IndexOf(column) is >= 0 and var i && i < Values.Length ? Values[i] : null;

    /// <summary>The header of column <paramref name="index"/>, or a stand-in for a value beyond the header.</summary>
    public string NameOf(int index) => index < Header.Count ? Header.Names[index] : $"(column {index + 1})";
}
