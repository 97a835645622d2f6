using IndicatorWarehouse.Ingestion.Profiles;
using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Reads one raw row's fields as typed values under a profile, keeping the first problem found.
/// A getter that meets a bad value records the problem and returns a default, so a validator reads every
/// field straight through and checks <see cref="Problem"/> once at the end. One instance serves a whole file.</summary>
internal sealed class FieldReader(MappingProfile profile, DateTime asOf)
{
    private const int EarliestYear = 2000;
    private const int YearsAheadAllowed = 5;
    public const string EmptyButRequired = "is empty, but every record needs it";
    private readonly string[] _dateFormats = [.. profile.DateFormats];
    private FieldMap _map = null!;
    private RawRow _row;

    public RowProblem? Problem { get; private set; }

    /// <summary>The natural key of the record being read, for the problem report.</summary>
    public string? Key { get; set; }

    public void Start(RawRow row, FieldMap map)
    {
        _row = row;
        _map = map;
        Problem = null;
        Key = null;
    }

    /// <summary>The cell text exactly as read.</summary>
    public string? Raw(CanonicalField field)
    {
        var column = _map.ColumnOf(field);
        return column >= 0 && column < _row.Values.Length ? _row.Values[column] : null;
    }

    /// <summary>Trimmed NFC text after the profile's code translation; null when empty.</summary>
    public string? Text(CanonicalField field)
    {
        var text = TextValue.Clean(Raw(field));
        if (text is not null && profile.CodesFor(field) is { } codes && codes.TryTranslate(text, out var code)) text = code.Length == 0 ? null : code;
        if (text is not null && field.MaxLength is { } max && text.Length > max)
            Fail(field, $"is {text.Length} characters long; the warehouse keeps at most {max}");
        return text;
    }

    public string RequiredText(CanonicalField field)
    {
        var text = Text(field);
        if (text is null) Fail(field, EmptyButRequired);
        return text ?? "";
    }

    public DateTime? Date(CanonicalField field) => ParseDate(field, Text(field));

    public DateTime RequiredDate(CanonicalField field)
    {
        var text = Text(field);
        if (text is not null) return ParseDate(field, text) ?? default;
        Fail(field, EmptyButRequired);
        return default;
    }

    /// <summary>A decimal; null when empty. Negative values are refused: no field of ours can be below zero.</summary>
    public decimal? Decimal(CanonicalField field)
    {
        var text = Text(field);
        if (text is null) return null;
        if (!NumberText.TryParseDecimal(text, profile.DecimalSeparator, out var value))
        {
            var convention = profile.DecimalSeparator == ',' ? "decimal comma" : "decimal point";
            Fail(field, $"'{Raw(field)}' is not a number ({convention}, {NumberText.Example(profile.DecimalSeparator)})");
            return null;
        }
        if (value < 0) Fail(field, $"'{Raw(field)}' is negative");
        return value;
    }

    /// <summary>A whole number of at least zero; null when empty.</summary>
    public int? Integer(CanonicalField field)
    {
        var text = Text(field);
        if (text is null) return null;
        if (!NumberText.TryParseInteger(text, out var value))
        {
            Fail(field, $"'{Raw(field)}' is not a whole number");
            return null;
        }
        if (value < 0) Fail(field, $"'{Raw(field)}' is negative");
        return value;
    }

    /// <summary>A count of something that may not have happened: empty means none (0).</summary>
    public int Count(CanonicalField field) => Integer(field) ?? 0;

    /// <summary>An amount of something that may not have happened: empty means none (0).</summary>
    public decimal Amount(CanonicalField field) => Decimal(field) ?? 0m;

    public bool? OptionalFlag(CanonicalField field) => Text(field) switch
    {
        null => null,
        "1" => true,
        "0" => false,
        _ => FailWith<bool?>(field, $"'{Raw(field)}' is not a yes/no flag; expected 0 or 1{KnownNames(field)}", null),
    };

    /// <summary>A flag of something that may not have happened: empty means no.</summary>
    public bool Flag(CanonicalField field) => OptionalFlag(field) ?? false;

    /// <summary>A numeric code between <paramref name="min"/> and <paramref name="max"/>; null when empty.</summary>
    public int? NumberCode(CanonicalField field, int min, int max)
    {
        var text = Text(field);
        if (text is null) return null;
        if (NumberText.TryParseInteger(text, out var value) && value >= min && value <= max) return value;
        var expected = max - min == 1 ? $"{min} or {max}" : max - min == 2 ? $"{min}, {min + 1} or {max}" : $"{min}–{max}";
        return FailWith<int?>(field, $"'{Raw(field)}' is not a known value; expected {expected}{KnownNames(field)}", null);
    }

    /// <summary>A text code from <paramref name="allowed"/>; null when empty.</summary>
    public string? NamedCode(CanonicalField field, IReadOnlyCollection<string> allowed)
    {
        var text = Text(field);
        if (text is null || allowed.Contains(text)) return text;
        return FailWith<string?>(field, $"'{Raw(field)}' is not a known value; expected {string.Join(", ", allowed)}{KnownNames(field)}", null);
    }

    /// <summary>Records that <paramref name="later"/> comes before <paramref name="earlier"/>.</summary>
    public void NotBefore(CanonicalField later, DateTime? laterValue, CanonicalField earlier, DateTime? earlierValue)
    {
        if (laterValue < earlierValue)
            Fail(later, $"{DateText.ForPeople(laterValue.Value)} is before {Describe(earlier)} {DateText.ForPeople(earlierValue.Value)}");
    }

    public void NotAfterAsOf(CanonicalField field, DateTime? value)
    {
        if (value > asOf)
            Fail(field, $"{DateText.ForPeople(value.Value)} is after the snapshot's as-of time {DateText.ForPeople(asOf)}");
    }

    /// <summary>Records that a period begins after the as-of time: nothing can have been reported for it yet.</summary>
    public void BegunByAsOf(CanonicalField field, DateOnly periodStart)
    {
        if (periodStart > DateOnly.FromDateTime(asOf))
            Fail(field, $"'{Raw(field)}' begins on {DateText.ForPeople(periodStart.ToDateTime(TimeOnly.MinValue))}, after the snapshot's as-of time {DateText.ForPeople(asOf)}");
    }

    public void Fail(CanonicalField field, string reason) => Fail(field.Name, $"{Describe(field)}: {reason}");

    public void Fail(string field, string reason) => Problem ??= new RowProblem(Key, field, reason);

    public string Describe(CanonicalField field) => _map.Describe(field);

    private DateTime? ParseDate(CanonicalField field, string? text)
    {
        if (text is null) return null;
        if (!DateText.TryParse(text, _dateFormats, out var value))
        {
            Fail(field, $"'{Raw(field)}' is not {DateDescription()}");
            return null;
        }
        if (value.Year < EarliestYear) Fail(field, $"'{Raw(field)}' is before {EarliestYear}: not a plausible date");
        else if (value.Year > asOf.Year + YearsAheadAllowed)
            Fail(field, $"'{Raw(field)}' is after {asOf.Year + YearsAheadAllowed}: not a plausible date");
        return value;
    }

    private T FailWith<T>(CanonicalField field, string reason, T fallback)
    {
        Fail(field, reason);
        return fallback;
    }

    private string KnownNames(CanonicalField field) =>
        profile.CodesFor(field) is { } codes ? $" or one of the profile's names: {string.Join(", ", codes.Names)}" : "";

    private string DateDescription() => _dateFormats.Length == 0
        ? DateText.IsoDescription
        : $"a date in format {string.Join(" or ", _dateFormats)}";
}
