using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IndicatorWarehouse.Tests.Support;

namespace IndicatorWarehouse.Tests.Warehouse;

/// <summary>The probe that decides whether the SQL Server suite starts its own server in Docker: without an engine it
/// says so at once, in one line, and never hangs the test run.</summary>
public class DockerEngineTests
{
    [Fact]
    public void Probe_MissingSocket_AnswersNoAtOnce()
    {
        var answer = DockerEngine.Probe("unix:///nonexistent/docker.sock");
        Assert.False(answer.Answers);
        Assert.Equal("/nonexistent/docker.sock does not exist", answer.Detail);
    }

    [Fact]
    public void Probe_RefusedPort_AnswersNoWithinTheLimit()
    {
        // A port just freed by a listener of our own: nothing listens there, so the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var clock = Stopwatch.StartNew();
        var answer = DockerEngine.Probe($"tcp://127.0.0.1:{port}");
        Assert.False(answer.Answers);
        Assert.StartsWith($"tcp://127.0.0.1:{port}: ", answer.Detail);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Probe_SocketThatIsNotDocker_AnswersNo()
    {
        // A Unix socket that accepts and closes at once, as a stale or foreign socket might.
        var path = Path.Combine(Path.GetTempPath(), $"iw-docker-{Guid.NewGuid():N}.sock");
        using var server = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        server.Bind(new UnixDomainSocketEndPoint(path));
        server.Listen();
        var accepting = Task.Run(() => { using var s = server.Accept(); });
        try
        {
            Assert.False(DockerEngine.Probe("unix://" + path).Answers);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Probe_UnknownScheme_AnswersNo() =>
        Assert.Equal(new DockerEngine.Answer(false, "DOCKER_HOST=npipe:////./pipe/docker_engine is neither unix:// nor tcp://"),
            DockerEngine.Probe("npipe:////./pipe/docker_engine"));

    [Fact]
    public void SqlServerSuite_WithoutAnyServer_SaysWhyInOneLine()
    {
        var reason = new SqlServerProvider().SkipReason;
        if (Environment.GetEnvironmentVariable("IW_TEST_SQLSERVER") is { Length: > 0 } || DockerEngine.Probe().Answers)
            Assert.Null(reason);
        else
        {
            Assert.StartsWith("skipped: no SQL Server (no Docker engine: ", reason);
            Assert.DoesNotContain('\n', reason!);
        }
    }
}
