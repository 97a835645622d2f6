using ExcelDataReader;
using IndicatorWarehouse.Ingestion.Records;

namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>Streams the first sheet of a workbook. Date cells become ISO dates (not serial numbers), numbers
/// use the file's decimal separator; columns end where the header does; fully blank rows are skipped. A formula cell is
/// read from its cached value; an error cell becomes its Excel literal (<c>#DIV/0!</c>) and a formula without a cached
/// value <see cref="CellText.Uncalculated"/> (<see cref="XlsxFormulas"/>), which validation refuses, so neither loads as 0.</summary>
internal sealed class ExcelRowReader : RawRowReader
{
    private readonly FileStream _stream;
    private readonly IExcelDataReader _excel;
    private readonly ReadOptions _options;
    private readonly int _width;
    private readonly IReadOnlyDictionary<string, string> _marked;
    private int _row;

    public ExcelRowReader(string path, ReadOptions options) : base(path)
    {
        TextEncodings.EnsureRegistered();
        _options = options;
        _marked = XlsxLimits.Check(path);
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            _excel = Guard(() => ExcelReaderFactory.CreateReader(_stream));
            for (var i = 0; i < options.HeaderRow; i++)
            {
                if (!Guard(_excel.Read))
                    throw new SourceRejectedException(path, ProblemText.Of($"trang tính đầu tiên không có dòng tiêu đề (cần ở dòng {ProblemText.Count(options.HeaderRow)})",
                        $"the first sheet has no header row (expected on row {options.HeaderRow})"));
                _row++;
            }
            var names = Enumerable.Range(0, _excel.FieldCount).Select(i => Cell(i) ?? "").ToList();
            _width = names.FindLastIndex(n => n.Trim().Length > 0) + 1;
            if (_width == 0)
                throw new SourceRejectedException(path, ProblemText.Of($"dòng {ProblemText.Count(_row)} của trang tính đầu tiên trống: không có tiêu đề",
                    $"row {_row} of the first sheet is empty: no header"));
            Header = new RawHeader(names.Take(_width).ToList());
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public override RawHeader Header { get; }

    public override bool TryRead(out RawRow row)
    {
        while (Guard(_excel.Read))
        {
            if (++_row > XlsxLimits.MaxRows) throw XlsxLimits.TooManyRows(Path);
            var values = new string?[_width];
            var any = false;
            for (var i = 0; i < Math.Min(_width, _excel.FieldCount); i++)
            {
                values[i] = Cell(i) ?? "";
                any |= values[i]!.Length > 0;
            }
            if (!any) continue;
            row = new RawRow(_row, Header, values);
            return true;
        }
        row = default;
        return false;
    }

    private string? Cell(int column) => _marked.Count > 0 && _marked.TryGetValue(CellText.Reference(column, _row), out var mark) ? mark : _excel.GetValue(column) switch
    {
        null => null,
        string s => s,
        DateTime d => CellText.Date(d),
        double n => CellText.Number(n, _options.DecimalSeparator),
        bool b => CellText.Flag(b),
        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>"trang tính 'Hồ sơ' (trang đầu trong 3) / sheet 'Hồ sơ' (the first of 3)": which sheet a load of this
    /// workbook reads, said before it is read.</summary>
    public static string SheetRead(string path)
    {
        XlsxLimits.Check(path, scanCells: false);
        TextEncodings.EnsureRegistered();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var excel = ExcelReaderFactory.CreateReader(stream);
        return excel.ResultsCount > 1
            ? ProblemText.Of($"đọc trang tính '{excel.Name}' (trang đầu trong {excel.ResultsCount}; các trang khác không được đọc)",
                $"reading sheet '{excel.Name}' (the first of {excel.ResultsCount}; the others are not read)")
            : ProblemText.Of($"đọc trang tính '{excel.Name}'", $"reading sheet '{excel.Name}'");
    }

    /// <summary>ExcelDataReader throws many exception types for damaged workbooks; all mean the same to us.</summary>
    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not SourceRejectedException)
        {
            // The library's own words stay in the English part only: staff need to know the workbook is damaged, not how.
            throw new SourceRejectedException(Path, ProblemText.Of("không đọc được bảng tính Excel (tệp hỏng hoặc sai định dạng)",
                $"is not a readable Excel workbook ({e.Message})"));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _excel.Dispose();
        _stream.Dispose();
    }
}
