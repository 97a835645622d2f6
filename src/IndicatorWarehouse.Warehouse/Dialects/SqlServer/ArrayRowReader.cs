using System.Collections;
using System.Data.Common;

namespace IndicatorWarehouse.Warehouse.Dialects.SqlServer;

/// <summary>Rows given as value arrays, seen as a forward-only data reader so SqlBulkCopy streams them to the
/// server one by one instead of a DataTable holding the whole load in memory. SqlBulkCopy reads whole values
/// through <see cref="GetValue"/>; the typed getters the base class requires cast those same values.</summary>
internal sealed class ArrayRowReader(IReadOnlyList<string> columns, IEnumerable<object?[]> rows) : DbDataReader
{
    private readonly IEnumerator<object?[]> _rows = rows.GetEnumerator();
    private object?[]? _current;
    private bool? _ahead;   // the answer of a MoveNext done early, by HasRows
    private bool _hadRows, _closed;

    public override int FieldCount => columns.Count;
    public override int Depth => 0;
    public override bool HasRows => _hadRows || (_ahead ??= _rows.MoveNext());
    public override bool IsClosed => _closed;
    public override int RecordsAffected => -1;

    public override bool Read()
    {
        var more = _ahead ?? _rows.MoveNext();
        _ahead = null;
        if (!more) { _current = null; return false; }
        _current = _rows.Current.Length == columns.Count ? _rows.Current
            : throw new InvalidOperationException($"A row has {_rows.Current.Length} values for {columns.Count} columns ({string.Join(", ", columns)}).");
        _hadRows = true;
        return true;
    }

    public override bool NextResult() => false;

    public override object GetValue(int ordinal) =>
        (_current ?? throw new InvalidOperationException("No current row: call Read first."))[ordinal] ?? DBNull.Value;

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++) values[i] = GetValue(i);
        return count;
    }

    public override bool IsDBNull(int ordinal) => GetValue(ordinal) is DBNull;
    public override string GetName(int ordinal) => columns[ordinal];

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < columns.Count; i++)
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new IndexOutOfRangeException($"No column named '{name}'.");
    }

    // Values carry their own types; before the first row nothing is known beyond object.
    public override Type GetFieldType(int ordinal) => _current?[ordinal]?.GetType() ?? typeof(object);
    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);
    public override byte GetByte(int ordinal) => (byte)GetValue(ordinal);
    public override char GetChar(int ordinal) => (char)GetValue(ordinal);
    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);
    public override decimal GetDecimal(int ordinal) => (decimal)GetValue(ordinal);
    public override double GetDouble(int ordinal) => (double)GetValue(ordinal);
    public override float GetFloat(int ordinal) => (float)GetValue(ordinal);
    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);
    public override short GetInt16(int ordinal) => (short)GetValue(ordinal);
    public override int GetInt32(int ordinal) => (int)GetValue(ordinal);
    public override long GetInt64(int ordinal) => (long)GetValue(ordinal);
    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException("Values are read whole through GetValue.");

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        throw new NotSupportedException("Values are read whole through GetValue.");

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override void Close()
    {
        _rows.Dispose();
        _closed = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }
}
