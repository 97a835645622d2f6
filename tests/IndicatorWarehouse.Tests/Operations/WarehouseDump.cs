using System.Data.Common;
using System.Globalization;

namespace IndicatorWarehouse.Tests.Operations;

/// <summary>Every row of some tables as text — each value with its type, so a REAL that came back as an INTEGER
/// shows — sorted, to compare a warehouse's state at two moments.</summary>
public sealed class WarehouseDump
{
    private readonly Dictionary<string, List<string>> _tables = [];

    public IReadOnlyDictionary<string, List<string>> Tables => _tables;

    /// <param name="skip">rows left out (table, column → value): e.g. dimension members created after the first dump</param>
    /// <param name="ignoredColumns">columns left out everywhere: e.g. the id of the build that wrote a value</param>
    public static async Task<WarehouseDump> TakeAsync(DbConnection connection, IEnumerable<string> tables,
        Func<string, IReadOnlyDictionary<string, object?>, bool>? skip = null, params string[] ignoredColumns)
    {
        var dump = new WarehouseDump();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = Enumerable.Range(0, reader.FieldCount)
                    .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
                if (skip?.Invoke(table, row) == true) continue;
                rows.Add(string.Join(" | ", row.Where(c => !ignoredColumns.Contains(c.Key)).Select(c => $"{c.Key}={Text(c.Value)}")));
            }
            rows.Sort(StringComparer.Ordinal);
            dump._tables[table] = rows;
        }
        return dump;
    }

    /// <summary>Asserts table by table, so a failure names the table and shows its first differing row.</summary>
    public void AssertSameAs(WarehouseDump expected)
    {
        Assert.Equal(expected._tables.Keys, _tables.Keys);
        foreach (var (table, rows) in expected._tables)
        {
            var actual = _tables[table];
            var missing = rows.Except(actual).FirstOrDefault();
            var extra = actual.Except(rows).FirstOrDefault();
            Assert.True(missing is null && extra is null && rows.Count == actual.Count,
                $"{table}: {rows.Count} rows expected, {actual.Count} found; missing: {missing ?? "none"}; unexpected: {extra ?? "none"}");
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + ":real",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture) + ":" + value.GetType().Name,
        _ => value + ":" + value.GetType().Name,
    };
}
