using System.Data.Common;

namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>Column names and rows of a query, values as the database returned them.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated);

/// <summary>Runs analysts' SQL on a read-only connection after the dialect has checked it only reads.</summary>
public sealed class AdHocQuery(WarehouseDatabase database)
{
    public Task<QueryResult> RunAsync(string sql, int maxRows = int.MaxValue, CancellationToken ct = default) =>
        RunAsync(sql, new Dictionary<string, object?>(), maxRows, ct);

    /// <summary>The same, with named parameters (<c>@unit</c>) bound to values, as dashboards pass their filters.</summary>
    public async Task<QueryResult> RunAsync(string sql, IReadOnlyDictionary<string, object?> parameters, int maxRows = int.MaxValue,
        CancellationToken ct = default)
    {
        await using var connection = await database.OpenReadOnlyAsync(ct);
        var statement = database.Dialect.PrepareReadOnlyStatement(connection, sql, parameters);
        await using var command = connection.CreateCommand();
        command.CommandText = statement;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        var truncated = false;
        while (await reader.ReadAsync(ct))
        {
            if (rows.Count == maxRows) { truncated = true; break; }
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return new QueryResult(columns, rows, truncated);
    }
}
