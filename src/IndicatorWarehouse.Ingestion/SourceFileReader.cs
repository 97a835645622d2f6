using IndicatorWarehouse.Ingestion.Profiles;
using IndicatorWarehouse.Ingestion.Readers;
using IndicatorWarehouse.Ingestion.Records;
using IndicatorWarehouse.Ingestion.Validation;

namespace IndicatorWarehouse.Ingestion;

/// <summary>Reads a snapshot file into canonical records, lazily, one row at a time: each row is a record or a
/// problem for quarantine. A file that is not what it claims (wrong content for its extension, not UTF-8 and
/// no profile declaring otherwise, unparseable, a required column missing) throws
/// <see cref="SourceRejectedException"/> when that is found, which may be after rows were already yielded:
/// the caller loads a snapshot in one transaction and rolls it back.</summary>
public static class SourceFileReader
{
    /// <param name="profile">The vendor mapping; null for a file in canonical form.</param>
    /// <param name="asOf">The snapshot's as-of time: a dossier received after it is quarantined.</param>
    public static IEnumerable<RowOutcome<DossierRecord>> ReadDossiers(string path, MappingProfile? profile, DateTime asOf) =>
        Read(path, profile, asOf, DossierRowValidator.Instance);

    public static IEnumerable<RowOutcome<PaknRecord>> ReadPakn(string path, MappingProfile? profile, DateTime asOf) =>
        Read(path, profile, asOf, PaknRowValidator.Instance);

    public static IEnumerable<RowOutcome<DigitizationRecord>> ReadDigitization(string path, MappingProfile? profile, DateTime asOf) =>
        Read(path, profile, asOf, DigitizationRowValidator.Instance);

    /// <remarks>Targets carry no dates; <paramref name="asOf"/> is taken only so every kind is read alike.</remarks>
    public static IEnumerable<RowOutcome<TargetRecord>> ReadTargets(string path, MappingProfile? profile, DateTime asOf) =>
        Read(path, profile, asOf, TargetRowValidator.Instance);

    /// <param name="asOf">A figure for a period that had not begun by then is quarantined.</param>
    public static IEnumerable<RowOutcome<FigureRecord>> ReadFigures(string path, MappingProfile? profile, DateTime asOf) =>
        Read(path, profile, asOf, FigureRowValidator.Instance);

    /// <summary>For a workbook, which sheet a load reads (the first), and how many there are; null for other files.
    /// A damaged workbook gives null here and its refusal when it is read.</summary>
    public static string? SheetRead(string path)
    {
        try
        {
            return SourceFormats.FromPath(path) == SourceFormat.Excel && File.Exists(path) ? ExcelRowReader.SheetRead(path) : null;
        }
        catch (Exception e) when (e is SourceRejectedException or InvalidDataException or IOException or NotSupportedException or ExcelDataReader.Exceptions.ExcelReaderException)
        {
            return null;
        }
    }

    private static IEnumerable<RowOutcome<T>> Read<T>(string path, MappingProfile? profile, DateTime asOf, IRowValidator<T> validator)
        where T : class
    {
        var kind = validator.Schema.Kind;
        profile ??= MappingProfile.Canonical(kind);
        if (profile.Kind != kind)
            throw new SourceRejectedException(path, ProblemText.Of(
                $"hồ sơ ánh xạ '{profile.Name}' dành cho tệp {profile.Kind.Code()}, không phải tệp {kind.Code()}",
                $"the profile '{profile.Name}' maps {profile.Kind.Code()} files, not {kind.Code()}"));
        using var reader = RawRowReader.Open(path, profile.ReadOptions);
        if (reader.Header is null) yield break;
        var map = FieldMap.Build(reader.Header, profile, path, requireColumns: true);
        var fields = new FieldReader(profile, asOf);
        while (reader.TryRead(out var row))
        {
            // JSON objects may each list their own keys; a key missing from one is a missing value, not a missing column.
            if (!ReferenceEquals(row.Header, map.Header)) map = FieldMap.Build(row.Header, profile, path, requireColumns: false);
            fields.Start(row, map);
            T? record = null;
            if (CellLimit.CutOversized(row.Values) is { } cut)
                foreach (var column in cut) fields.Fail(row.NameOf(column), $"{row.NameOf(column)}: {CellLimit.TooLong}");
            else if (row.Values.Length > CellLimit.MaxColumns) fields.Fail("(row)", CellLimit.TooWide);
            else if (row.Values.Length == row.Header.Count) record = validator.Validate(fields);
            else fields.Fail("(row)", ProblemText.Of(
                $"có {ProblemText.Count(row.Values.Length)} giá trị nhưng dòng tiêu đề có {ProblemText.Count(row.Header.Count)} cột (dấu phân cách trong giá trị không đặt trong ngoặc kép?)",
                $"has {row.Values.Length} values but the header has {row.Header.Count} columns (an unquoted delimiter in a value?)"));
            yield return new RowOutcome<T>(row.Number, row, record, fields.Problem);
        }
    }
}
