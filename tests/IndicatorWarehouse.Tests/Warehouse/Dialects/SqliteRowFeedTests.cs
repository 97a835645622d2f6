using Dapper;
using IndicatorWarehouse.Tests.Support;
using IndicatorWarehouse.Warehouse.Dialects.Sqlite;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Tests.Warehouse.Dialects;

/// <summary>The virtual table a load's rows reach SQLite through: values keep the storage classes the bulk writer gives
/// them, a row the INSERT skips is told apart from one it wrote, and a failure of the managed side fails the statement
/// with its own exception and leaves the connection sound.</summary>
public sealed class SqliteRowFeedTests
{
    private const string Insert = "INSERT INTO t (code, n, r, s, at, flag) SELECT * FROM feed WHERE true ON CONFLICT (code) DO NOTHING";

    [Fact]
    public async Task Run_InsertSelect_WritesTheRowsWithTheirTypes_AndTellsTheSkippedOnes()
    {
        await using var w = TempWarehouse.Empty();
        await using var c = await OpenAsync(w);
        object?[][] rows =
        [
            ["HS-1", 7, 1.5, "Sở Y tế", new DateTime(2026, 3, 1, 8, 30, 0), true],
            ["HS-2", 8L, null, "", new DateTime(2026, 3, 2, 9, 0, 0), false],
            ["HS-1", 9, 2.5, "lặp lại", new DateTime(2026, 3, 3, 10, 0, 0), true],
            ["HS-3", (short)10, 3.25f, new string('đ', 300), null, null],
        ];
        var skipped = new List<string>();

        using (var feed = new SqliteRowFeed(c, "feed", 6))
        {
            var at = -1;
            feed.Run(Insert, () =>
            {
                if (at >= 0 && feed.LastInsertRowid == 0) skipped.Add((string)rows[at][0]!);
                if (++at == rows.Length) return null;
                feed.LastInsertRowid = 0;
                return rows[at];
            });
        }

        Assert.Equal(["HS-1"], skipped);
        var stored = (await c.QueryAsync<(string, long, double?, string, string?, long?, string)>(
            "SELECT code, n, r, s, at, flag, typeof(n) || ' ' || typeof(r) || ' ' || typeof(s) || ' ' || typeof(at) FROM t ORDER BY id")).ToList();
        Assert.Equal(
        [
            ("HS-1", 7L, 1.5, "Sở Y tế", "2026-03-01T08:30:00", 1L, "integer real text text"),
            ("HS-2", 8L, null, "", "2026-03-02T09:00:00", 0L, "integer null text text"),
            ("HS-3", 10L, 3.25, new string('đ', 300), null, null, "integer real text null"),
        ], stored);
    }

    [Fact]
    public async Task Run_SourceFails_TheStatementFailsWithItsExceptionAndWritesNothing_AndTheConnectionStaysSound()
    {
        await using var w = TempWarehouse.Empty();
        await using var c = await OpenAsync(w);

        using (var feed = new SqliteRowFeed(c, "feed", 6))
        {
            var n = 0;
            var failure = Assert.Throws<InvalidDataException>(() => feed.Run(Insert, () => ++n < 3
                ? [$"HS-{n}", n, null, "x", null, null]
                : throw new InvalidDataException("dòng 3: ngày không hợp lệ")));
            Assert.Equal("dòng 3: ngày không hợp lệ", failure.Message);
        }

        // The next statements prepare on the same connection: SQLite disconnects the dropped table there.
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"));
        using (var again = new SqliteRowFeed(c, "feed", 6))
        {
            again.Run(Insert, Rows(["HS-9", 9, null, "y", null, null]));
        }
        Assert.Equal("HS-9", await c.ExecuteScalarAsync<string>("SELECT code FROM t"));
        Assert.Equal("ok", await c.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Run_ValueOfAnUnknownType_FailsTheStatementNamingTheTypeAndColumn()
    {
        await using var w = TempWarehouse.Empty();
        await using var c = await OpenAsync(w);

        using var feed = new SqliteRowFeed(c, "feed", 6);
        var failure = Assert.Throws<NotSupportedException>(() => feed.Run(Insert, Rows(["HS-1", 1, null, Guid.Empty, null, null])));

        Assert.Contains("Guid (column 3)", failure.Message);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"));
    }

    private static Func<object?[]?> Rows(params object?[][] rows)
    {
        var queue = new Queue<object?[]>(rows);
        return () => queue.TryDequeue(out var row) ? row : null;
    }

    private static async Task<SqliteConnection> OpenAsync(TempWarehouse w)
    {
        var c = new SqliteConnection($"Data Source={w.DbPath};Pooling=False");
        await c.OpenAsync();
        await c.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, n INTEGER, r REAL, s TEXT, at TEXT, flag INTEGER)");
        return c;
    }
}
