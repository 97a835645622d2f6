using System.Net;
using Dapper;
using IndicatorWarehouse.Tests.Server.Support;
using IndicatorWarehouse.Tests.Support;
using Microsoft.Data.Sqlite;

namespace IndicatorWarehouse.Tests.Server;

/// <summary>The SQL page's limits on a real `iw serve` over a real warehouse file: the statement timeout, the stop when
/// the client leaves, the memory guard, the streamed CSV, and the 503 page when the warehouse stays busy.</summary>
public sealed class SqlPageLimitTests
{
    // Runs until stopped: the count has no row to hand back before the recursion ends, which it never does. It reads a
    // table too, so it holds a read transaction (of the warehouse's snapshot) for as long as it runs.
    private const string Endless =
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r CROSS JOIN (SELECT 1 FROM dim_indicator LIMIT 1)";

    [Fact]
    public async Task Post_StatementOverTheTimeout_IsStoppedAndSaysTheTimeLimitWasHit()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        await using var server = await RunningServer.StartAsync(w.Settings, c => c.Sql.TimeoutSeconds = 2);

        var response = await RunningServer.PostFormAsync(server.Client(RunningServer.AnalystName), "sql", "sql", ("sql", Endless), ("limit", "100"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Quá thời gian", html);
        Assert.Contains("2 giây", html);
    }

    [Fact]
    public async Task Post_ClientThatLeaves_StopsItsStatement()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        await using var server = await RunningServer.StartAsync(w.Settings, c => c.Sql.TimeoutSeconds = 600);
        await using var probe = new SqliteConnection($"Data Source={w.DbPath};Pooling=False");
        await probe.OpenAsync();
        await probe.ExecuteAsync("PRAGMA busy_timeout=0");
        var client = server.Client(RunningServer.AnalystName);
        using var leave = new CancellationTokenSource();

        var request = RunningServer.PostFormAsync(client, "sql", "sql", ("sql", Endless), ("limit", "100"), leave.Token);
        await Eventually.ReadUntilAsync(() => ReaderPinsWalAsync(probe), pinned => pinned, "the statement is running");
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        await Eventually.ReadUntilAsync(() => ReaderPinsWalAsync(probe), pinned => !pinned, "the statement stopped after its client left",
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Post_StatementMakingAHugeValue_IsStoppedByTheMemoryGuard()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        await using var server = await RunningServer.StartAsync(w.Settings);

        var response = await RunningServer.PostFormAsync(server.Client(RunningServer.AnalystName), "sql", "sql",
            ("sql", "SELECT length(randomblob(1000000000))"), ("limit", "100"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("giới hạn bộ nhớ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostCsv_StreamsEveryRow_PastThePagesRowLimit()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        await using var server = await RunningServer.StartAsync(w.Settings);

        var response = await RunningServer.PostFormAsync(server.Client(RunningServer.AnalystName), "sql", "sql/csv",
            ("sql", "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 25000) SELECT n FROM r"), ("limit", "100"));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').TrimEnd().Split('\n');

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(25_001, lines.Length);
        Assert.Equal("25000", lines[^1].TrimEnd('\r'));
    }

    [Fact]
    public async Task Get_WhileTheWarehouseStaysLocked_AnswersAVietnamese503()
    {
        await using var w = await TempWarehouse.InitializedAsync();
        await using var server = await RunningServer.StartAsync(w.Settings with { BusyTimeoutSeconds = 1 });
        // Exclusive locking mode keeps even readers out once it has written: the state of a file another program has
        // locked, which WAL readers otherwise never meet.
        await using var holder = new SqliteConnection($"Data Source={w.DbPath};Pooling=False");
        await holder.OpenAsync();
        await holder.ExecuteAsync("PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO etl_run (job, started_at, state) VALUES ('khoa', '2026-11-20T08:00:00', 'running')");

        var response = await server.Client(RunningServer.AdminName).GetAsync("archive");
        var html = await response.Content.ReadAsStringAsync();
        await holder.ExecuteAsync("ROLLBACK");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Kho dữ liệu đang bận", html);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    /// <summary>A fresh commit, then a TRUNCATE checkpoint: a statement still reading keeps that commit out of the file
    /// (busy), one that has stopped does not. A commit made once before the first look is not enough: a look taken before
    /// the statement starts checkpoints it away, and the statement then pins nothing.</summary>
    private static async Task<bool> ReaderPinsWalAsync(SqliteConnection probe)
    {
        await probe.ExecuteAsync("INSERT INTO etl_run (job, started_at, state) VALUES ('sonde', '2026-11-20T08:00:00', 'succeeded')");
        return (await probe.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(TRUNCATE)")).Busy == 1;
    }
}
