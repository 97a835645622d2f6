using System.Net.Sockets;

namespace IndicatorWarehouse.Tests.Support;

/// <summary>Whether a Docker engine answers here: the one DOCKER_HOST names (unix:// or tcp://), else the default
/// socket /var/run/docker.sock, asked <c>GET /_ping</c> within two seconds. Without an engine this answers at once:
/// the socket file is missing, or the connection is refused.</summary>
public static class DockerEngine
{
    public sealed record Answer(bool Answers, string Detail);

    public static Answer Probe() =>
        Probe(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } h ? h : "unix:///var/run/docker.sock");

    public static Answer Probe(string host)
    {
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp"))
            return new(false, $"DOCKER_HOST={host} is neither unix:// nor tcp://");
        if (uri.Scheme == "unix" && !File.Exists(uri.AbsolutePath))
            return new(false, $"{uri.AbsolutePath} does not exist");
        using var client = uri.Scheme == "unix"
            ? new HttpClient(new SocketsHttpHandler { ConnectCallback = (_, ct) => ConnectUnixAsync(uri.AbsolutePath, ct) }) { BaseAddress = new Uri("http://docker/") }
            : new HttpClient { BaseAddress = new Uri($"http://{uri.Host}:{uri.Port}/") };
        client.Timeout = TimeSpan.FromSeconds(2);
        try
        {
            using var response = client.GetAsync("_ping").GetAwaiter().GetResult();
            return response.IsSuccessStatusCode ? new(true, host) : new(false, $"{host} answered HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
        {
            return new(false, $"{host}: {e.Message}");
        }
    }

    private static async ValueTask<Stream> ConnectUnixAsync(string path, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
