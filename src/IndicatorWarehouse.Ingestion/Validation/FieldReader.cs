using System.Text.RegularExpressions;
using IndicatorWarehouse.Ingestion.Profiles;
using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Validation;

/// <summary>Reads one raw row's fields as typed values under a profile, keeping every field's first problem.
/// A getter that meets a bad value records the problem and returns a default, so a validator reads every
/// field straight through and checks <see cref="Problem"/> once at the end: it names all the bad fields of the
/// row, so staff fix them in one pass. One instance serves a whole file.</summary>
internal sealed partial class FieldReader(MappingProfile profile, DateTime asOf)
{
    private const int EarliestYear = 2000;
    private const int YearsAheadAllowed = 5;
    public const string EmptyButRequired = "trống nhưng bắt buộc phải có / is empty, but every record needs it";
    private const string AfterAsOfVi = "sau thời điểm dữ liệu của lô";
    private readonly string[] _dateFormats = [.. profile.DateFormats];
    private FieldMap _map = null!;
    private RawRow _row;
    private readonly List<(string Field, string Reason)> _problems = [];

    /// <summary>Every bad field of the row: their names joined by ", ", their reasons by "; ".</summary>
    public RowProblem? Problem => _problems.Count == 0 ? null
        : new RowProblem(Key, string.Join(", ", _problems.Select(p => p.Field)), string.Join("; ", _problems.Select(p => p.Reason)));

    /// <summary>The natural key of the record being read, for the problem report; null while it is unknown or empty.</summary>
    public string? Key { get; set => field = string.IsNullOrEmpty(value) ? null : value; }

    public void Start(RawRow row, FieldMap map)
    {
        _row = row;
        _map = map;
        _problems.Clear();
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
        if (text is not null && CellText.ErrorLiterals.Contains(text))
        {
            Fail(field, text == CellText.Uncalculated
                ? ProblemText.Of("ô có công thức nhưng chưa có giá trị đã tính: hãy mở tệp bằng Excel và lưu lại",
                    "the cell holds a formula without a calculated value: open the file in Excel and save it again")
                : ProblemText.Of($"ô lỗi công thức Excel {text}, không phải giá trị", $"the cell is the Excel error {text}, not a value"));
            return null;
        }
        if (text is not null && profile.CodesFor(field) is { } codes && codes.TryTranslate(text, out var code)) text = code.Length == 0 ? null : code;
        if (text is not null && field.MaxLength is { } max && text.Length > max)
            Fail(field, ProblemText.Of($"dài {ProblemText.Count(text.Length)} ký tự, kho dữ liệu chỉ giữ tối đa {ProblemText.Count(max)}",
                $"is {text.Length} characters long; the warehouse keeps at most {max}"));
        return text;
    }

    /// <summary>A unit, procedure or field code (<see cref="SourceCode"/>); null when empty.</summary>
    public string? Code(CanonicalField field)
    {
        var text = Text(field);
        if (text is not null && !SourceCode.IsValid(text)) Fail(field, SourceCode.Problem(Raw(field)));
        return text;
    }

    public string RequiredCode(CanonicalField field)
    {
        var code = Code(field);
        if (code is null) Fail(field, EmptyButRequired);
        return code ?? "";
    }

    /// <summary>A record's own code (dossier, PAKN): any text but a JSON object or array, which is a mapping gone wrong.</summary>
    public string RequiredRecordCode(CanonicalField field)
    {
        var text = RequiredText(field);
        if (text.Length > 0 && text[0] is '{' or '[')
            Fail(field, ProblemText.Of($"'{Raw(field)}' là đối tượng/mảng JSON, không phải mã", $"'{Raw(field)}' is a JSON object or array, not a code"));
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
            var comma = profile.DecimalSeparator == ',';
            var example = NumberText.Example(profile.DecimalSeparator);
            Fail(field, ProblemText.Of(
                $"'{Raw(field)}' không phải số hợp lệ (dấu thập phân là dấu {(comma ? "phẩy" : "chấm")}, ví dụ {example})",
                $"'{Raw(field)}' is not a number ({(comma ? "decimal comma" : "decimal point")}, e.g. {example})"));
            return null;
        }
        if (value < 0) Fail(field, Negative(field));
        return value;
    }

    /// <summary>A whole number of at least zero; null when empty.</summary>
    public int? Integer(CanonicalField field)
    {
        var text = Text(field);
        if (text is null) return null;
        if (!NumberText.TryParseInteger(text, out var value))
        {
            Fail(field, ProblemText.Of($"'{Raw(field)}' không phải số nguyên", $"'{Raw(field)}' is not a whole number"));
            return null;
        }
        if (value < 0) Fail(field, Negative(field));
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
        _ => FailWith<bool?>(field, ProblemText.Of($"'{Raw(field)}' không phải giá trị có/không; chỉ nhận 0 hoặc 1{KnownNamesVi(field)}",
            $"'{Raw(field)}' is not a yes/no flag; expected 0 or 1{KnownNames(field)}"), null),
    };

    /// <summary>A flag of something that may not have happened: empty means no.</summary>
    public bool Flag(CanonicalField field) => OptionalFlag(field) ?? false;

    /// <summary>A numeric code between <paramref name="min"/> and <paramref name="max"/>; null when empty.</summary>
    public int? NumberCode(CanonicalField field, int min, int max)
    {
        var text = Text(field);
        if (text is null) return null;
        if (NumberText.TryParseInteger(text, out var value) && value >= min && value <= max) return value;
        return FailWith<int?>(field, NotKnown(field, Range(min, max, "hoặc"), Range(min, max, "or")), null);
    }

    /// <summary>A text code from <paramref name="allowed"/>; null when empty.</summary>
    public string? NamedCode(CanonicalField field, IReadOnlyCollection<string> allowed)
    {
        var text = Text(field);
        if (text is null || allowed.Contains(text)) return text;
        return FailWith<string?>(field, NotKnown(field, string.Join(", ", allowed), string.Join(", ", allowed)), null);
    }

    /// <summary>Records that <paramref name="later"/> comes before <paramref name="earlier"/> — unless the earlier date is
    /// itself bad: its problem is the one to report, not its consequence.</summary>
    public void NotBefore(CanonicalField later, DateTime? laterValue, CanonicalField earlier, DateTime? earlierValue)
    {
        if (laterValue < earlierValue && !HasProblem(earlier))
        {
            var (laterText, earlierText) = (DateText.ForPeople(laterValue.Value), DateText.ForPeople(earlierValue.Value));
            Fail(later, ProblemText.Of($"{laterText} sớm hơn {Describe(earlier)} ({earlierText})",
                $"{laterText} is before {Describe(earlier)} {earlierText}"));
        }
    }

    public void NotAfterAsOf(CanonicalField field, DateTime? value)
    {
        if (value > asOf)
            Fail(field, ProblemText.Of($"{DateText.ForPeople(value.Value)} {AfterAsOfVi} ({DateText.ForPeople(asOf)})",
                $"{DateText.ForPeople(value.Value)} is after the snapshot's as-of time {DateText.ForPeople(asOf)}"));
    }

    /// <summary>Records that a period begins after the as-of time: nothing can have been reported for it yet.</summary>
    public void BegunByAsOf(CanonicalField field, DateOnly periodStart)
    {
        if (periodStart > DateOnly.FromDateTime(asOf))
        {
            var start = DateText.ForPeople(periodStart.ToDateTime(TimeOnly.MinValue));
            Fail(field, ProblemText.Of($"'{Raw(field)}' bắt đầu từ {start}, {AfterAsOfVi} ({DateText.ForPeople(asOf)})",
                $"'{Raw(field)}' begins on {start}, after the snapshot's as-of time {DateText.ForPeople(asOf)}"));
        }
    }

    /// <summary>Records that <paramref name="code"/> is not shaped like an indicator code.</summary>
    public void IndicatorCode(CanonicalField field, string code)
    {
        if (code.Length > 0 && !IndicatorCodePattern().IsMatch(code))
            Fail(field, ProblemText.Of($"'{Raw(field)}' không phải mã chỉ tiêu (chỉ gồm chữ thường không dấu, chữ số và _)",
                $"'{Raw(field)}' is not an indicator code (lower-case letters, digits and _)"));
    }

    public void Fail(CanonicalField field, string reason) => Fail(field.Name, $"{Describe(field)}: {reason}");

    /// <summary>True when <paramref name="field"/> already has a problem in this row.</summary>
    public bool HasProblem(CanonicalField field) => _problems.Exists(p => p.Field == field.Name);

    public void Fail(string field, string reason)
    {
        if (!_problems.Exists(p => p.Field == field)) _problems.Add((field, reason));
    }

    public string Describe(CanonicalField field) => _map.Describe(field);

    private DateTime? ParseDate(CanonicalField field, string? text)
    {
        if (text is null) return null;
        if (!DateText.TryParse(text, _dateFormats, out var value))
        {
            Fail(field, NotADate(field));
            return null;
        }
        var latest = asOf.Year + YearsAheadAllowed;
        if (value.Year < EarliestYear)
            Fail(field, ProblemText.Of($"'{Raw(field)}' không hợp lý: trước năm {EarliestYear}", $"'{Raw(field)}' is before {EarliestYear}: not a plausible date"));
        else if (value.Year > latest)
            Fail(field, ProblemText.Of($"'{Raw(field)}' không hợp lý: sau năm {latest}", $"'{Raw(field)}' is after {latest}: not a plausible date"));
        return value;
    }

    private T FailWith<T>(CanonicalField field, string reason, T fallback)
    {
        Fail(field, reason);
        return fallback;
    }

    private string Negative(CanonicalField field) => ProblemText.Of($"'{Raw(field)}' là số âm", $"'{Raw(field)}' is negative");

    private string NotKnown(CanonicalField field, string expectedVi, string expected) => ProblemText.Of(
        $"'{Raw(field)}' không phải giá trị được chấp nhận; chỉ nhận {expectedVi}{KnownNamesVi(field)}",
        $"'{Raw(field)}' is not a known value; expected {expected}{KnownNames(field)}");

    private static string Range(int min, int max, string or) =>
        max - min == 1 ? $"{min} {or} {max}" : max - min == 2 ? $"{min}, {min + 1} {or} {max}" : $"{min}–{max}";

    private string KnownNamesVi(CanonicalField field) =>
        profile.CodesFor(field) is { } codes ? $" hoặc một trong các tên mà hồ sơ ánh xạ dùng: {string.Join(", ", codes.Names)}" : "";

    private string KnownNames(CanonicalField field) =>
        profile.CodesFor(field) is { } codes ? $" or one of the profile's names: {string.Join(", ", codes.Names)}" : "";

    private string NotADate(CanonicalField field)
    {
        var formats = _dateFormats.Length == 0 ? DateText.IsoFormatsForPeople : _dateFormats;
        var english = _dateFormats.Length == 0 ? $"an ISO date ({string.Join(" or ", formats)})" : $"a date in format {string.Join(" or ", formats)}";
        return ProblemText.Of($"'{Raw(field)}' không phải ngày hợp lệ (dạng {string.Join(" hoặc ", formats)})", $"'{Raw(field)}' is not {english}");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IndicatorCodePattern();
}
