namespace IndicatorWarehouse.Ingestion.Readers;

/// <summary>A source file opened for streaming: its header first, then one raw row at a time, never the
/// whole file in memory. Throws <see cref="Records.SourceRejectedException"/> as soon as the file turns out
/// not to be what it claims, which may be in the middle of it.</summary>
public abstract class RawRowReader(string path) : IDisposable
{
    public string Path { get; } = path;

    /// <summary>The column names; null only for a file with no rows and no header (an empty JSON array).</summary>
    public abstract RawHeader? Header { get; }

    public abstract bool TryRead(out RawRow row);

    public IEnumerable<RawRow> ReadAll()
    {
        while (TryRead(out var row)) yield return row;
    }

    /// <summary>Opens <paramref name="path"/> with the reader its extension names, after checking that its
    /// content is of that kind.</summary>
    public static RawRowReader Open(string path, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: không có tệp này / no such file", path);
        var format = SourceFormats.FromPath(path);
        ContentSniffer.Check(path, format, options);
        return format switch
        {
            SourceFormat.Csv => new CsvRowReader(path, options),
            SourceFormat.Json => new JsonRowReader(path, options),
            _ => new ExcelRowReader(path, options),
        };
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) { }
}
