using System.Data.Common;
using System.Globalization;

namespace IndicatorWarehouse.Warehouse.Queries;

/// <summary>Column names and rows of a query, values as the database returned them.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated);

/// <summary>An analyst's statement stopped by one of the limits of <see cref="AdHocQuery"/>; the message names which.</summary>
public sealed class QueryLimitException(string message, Exception inner) : Exception(message, inner);

/// <summary>Runs analysts' SQL on a read-only connection after the dialect has checked it only reads, within limits: a
/// statement timeout (<paramref name="timeout"/>, 30 s by default), the caller's cancellation (a client that left) that
/// interrupts the statement where it is, a row limit, and the dialect's memory guard.</summary>
public sealed class AdHocQuery(WarehouseDatabase database, TimeSpan? timeout = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _timeout = timeout ?? DefaultTimeout;

    public Task<QueryResult> RunAsync(string sql, int maxRows = int.MaxValue, CancellationToken ct = default) =>
        RunAsync(sql, new Dictionary<string, object?>(), maxRows, ct);

    /// <summary>The same, with named parameters (<c>@unit</c>) bound to values, as dashboards pass their filters.</summary>
    public async Task<QueryResult> RunAsync(string sql, IReadOnlyDictionary<string, object?> parameters, int maxRows = int.MaxValue,
        CancellationToken ct = default)
    {
        IReadOnlyList<string> columns = [];
        var rows = new List<object?[]>();
        var truncated = false;
        await StreamAsync(sql, parameters, c =>
        {
            columns = c;
            return ValueTask.CompletedTask;
        }, row =>
        {
            if (rows.Count == maxRows) { truncated = true; return ValueTask.FromResult(false); }
            rows.Add(row);
            return ValueTask.FromResult(true);
        }, ct);
        return new QueryResult(columns, rows, truncated);
    }

    /// <summary>Hands each row to <paramref name="row"/> as it is read, until it returns false: a download of any size
    /// in little memory. The timeout covers the whole statement, reading included.</summary>
    public async Task StreamAsync(string sql, IReadOnlyDictionary<string, object?> parameters, Func<IReadOnlyList<string>, ValueTask> columns,
        Func<object?[], ValueTask<bool>> row, CancellationToken ct = default)
    {
        await using var connection = await database.OpenReadOnlyAsync(ct);
        var statement = database.Dialect.PrepareReadOnlyStatement(connection, sql, parameters);
        await using var command = connection.CreateCommand();
        command.CommandText = statement;
        command.CommandTimeout = (int)Math.Ceiling(_timeout.TotalSeconds);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_timeout);
        // Disposed before the connection: a late interrupt never reaches a closed one.
        await using var interrupt = deadline.Token.Register(() => database.Dialect.Interrupt(connection));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(deadline.Token);
            await columns(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList());
            while (await reader.ReadAsync(deadline.Token))
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                if (!await row(values)) break;
            }
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("the caller cancelled the statement", e, ct);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            var seconds = _timeout.TotalSeconds.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
            throw new QueryLimitException($"Quá thời gian: câu lệnh chạy quá {seconds} giây và đã bị dừng (giới hạn thời gian của truy vấn) " +
                $"/ statement timeout hit: stopped after {seconds} s.", e);
        }
        catch (DbException e) when (database.Dialect.IsMemoryGuard(e))
        {
            throw new QueryLimitException("Vượt giới hạn bộ nhớ: câu lệnh tạo ra một giá trị quá lớn và đã bị dừng (giới hạn bộ nhớ của truy vấn) " +
                $"/ memory guard hit ({e.Message}).", e);
        }
    }
}
