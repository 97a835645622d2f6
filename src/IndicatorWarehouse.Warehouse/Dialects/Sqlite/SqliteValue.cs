using System.Globalization;
using System.Text;

namespace IndicatorWarehouse.Warehouse.Dialects.Sqlite;

/// <summary>Where a value goes in SQLite's C API: a statement's parameter (<see cref="SqliteBulkWriter"/>) or a column of
/// the row a virtual table hands out (<see cref="SqliteRowFeed"/>). Each call returns SQLite's result code.</summary>
internal interface ISqliteValueSink
{
    int Null();
    int Integer(long value);
    int Real(double value);

    /// <summary>Non-empty UTF-8 text, which SQLite copies.</summary>
    int Text(ReadOnlySpan<byte> utf8);

    /// <summary>The empty text: an empty span may come with a null pointer, which SQLite would store as NULL.</summary>
    int EmptyText();

    int Blob(byte[] value);
}

/// <summary>The storage class each CLR type gets on SQLite's bulk paths: the one Microsoft.Data.Sqlite gives it, so rows
/// read back as they did through it; timestamps in the one text form that orders correctly (<see cref="IsoTime"/>).</summary>
internal static class SqliteValue
{
    private const int MaxStackChars = 256;

    public static int Write<TSink>(object? value, TSink sink, int column) where TSink : struct, ISqliteValueSink => value switch
    {
        null => sink.Null(),
        string s => Text(s, sink),
        long n => sink.Integer(n),
        int n => sink.Integer(n),
        short n => sink.Integer(n),
        byte n => sink.Integer(n),
        bool b => sink.Integer(b ? 1 : 0),
        double d => sink.Real(d),
        float f => sink.Real(f),
        decimal m => Text(m.ToString(CultureInfo.InvariantCulture), sink),
        DateTime t => Time(t, sink),
        byte[] bytes => sink.Blob(bytes),
        _ => throw new NotSupportedException($"SQLite's bulk path cannot store a {value.GetType().Name} (column {column})."),
    };

    // Text is encoded to UTF-8 on the stack: a string overload allocates a byte array per value, and a load passes a
    // million rows of two dozen values each.
    private static int Text<TSink>(string s, TSink sink) where TSink : struct, ISqliteValueSink
    {
        if (s.Length == 0) return sink.EmptyText();
        if (s.Length > MaxStackChars) return sink.Text(Encoding.UTF8.GetBytes(s));
        Span<byte> utf8 = stackalloc byte[MaxStackChars * 3];
        return sink.Text(utf8[..Encoding.UTF8.GetBytes(s, utf8)]);
    }

    private static int Time<TSink>(DateTime t, TSink sink) where TSink : struct, ISqliteValueSink
    {
        Span<byte> utf8 = stackalloc byte[32];
        return t.TryFormat(utf8, out var length, IsoTime.Format, CultureInfo.InvariantCulture)
            ? sink.Text(utf8[..length])
            : Text(IsoTime.Text(t), sink);
    }
}
