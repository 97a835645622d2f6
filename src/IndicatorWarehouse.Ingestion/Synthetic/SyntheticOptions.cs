using System.Globalization;

namespace IndicatorWarehouse.Ingestion.Synthetic;

/// <summary>What `iw generate` produces: the years, the province-wide dossiers per year, the seed that fixes
/// every draw, and the moment the snapshot describes (nothing is received after it; later work is pending).</summary>
public sealed record SyntheticOptions
{
    /// <summary>The snapshot moment when none is given and the years reach it.</summary>
    public static readonly DateTime DefaultAsOf = new(2026, 11, 20, 17, 0, 0);

    public int Seed { get; init; } = 1;
    public int FirstYear { get; init; } = 2021;
    public int LastYear { get; init; } = 2026;
    public int DossiersPerYear { get; init; } = 200_000;
    public DateTime? AsOf { get; init; }

    /// <summary><see cref="AsOf"/> if given, else the end of the last year or <see cref="DefaultAsOf"/>,
    /// whichever is earlier. A fixed default (not "now") keeps the output the same from day to day.</summary>
    public DateTime EffectiveAsOf
    {
        get
        {
            var endOfRange = new DateTime(LastYear, 12, 31, 23, 59, 59);
            return AsOf ?? (endOfRange < DefaultAsOf ? endOfRange : DefaultAsOf);
        }
    }

    /// <summary>Reads "2021-2026" or "2025".</summary>
    public static (int First, int Last) ParseYears(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw new FormatException($"Years '{text}' are not of the form 2021-2026 or 2025.");
        var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return (first, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : first);
    }

    public void Validate()
    {
        if (FirstYear is < 2000 or > 2100 || LastYear < FirstYear || LastYear > 2100)
            throw new ArgumentException($"Years {FirstYear}-{LastYear} are not a range between 2000 and 2100.");
        if (DossiersPerYear < 0) throw new ArgumentException("Dossiers per year cannot be negative.");
        if (EffectiveAsOf.Year < FirstYear) throw new ArgumentException($"As-of {EffectiveAsOf:dd/MM/yyyy HH:mm} is before {FirstYear}: nothing to generate.");
    }
}
