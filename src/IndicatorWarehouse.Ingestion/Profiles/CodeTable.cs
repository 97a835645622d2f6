using System.Collections.Concurrent;
using IndicatorWarehouse.Ingestion.Readers;

namespace IndicatorWarehouse.Ingestion.Profiles;

/// <summary>A profile's translation of one field's vendor names into canonical codes ("Trực tuyến" → 2).
/// Names match NFC-normalized, ignoring case and spacing. A translation to "" means "unknown" (null).</summary>
public sealed class CodeTable
{
    private const int MemoLimit = 4096;
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
    // Coded columns repeat a handful of values millions of times: remember each raw text's answer.
    private readonly ConcurrentDictionary<string, string?> _memo = new(StringComparer.Ordinal);

    public CodeTable(IReadOnlyDictionary<string, string> translations)
    {
        foreach (var (name, code) in translations)
            if (!_byKey.TryAdd(HeaderKey.Normalize(name), code.Trim()))
                throw new ArgumentException($"the name '{name}' is listed twice");
        Names = translations.Keys.ToList();
    }

    /// <summary>The vendor names as the profile writes them, for messages.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool TryTranslate(string text, out string code)
    {
        if (!_memo.TryGetValue(text, out var found))
        {
            found = _byKey.GetValueOrDefault(HeaderKey.Normalize(text));
            if (_memo.Count < MemoLimit) _memo.TryAdd(text, found);
        }
        code = found ?? "";
        return found is not null;
    }
}
