using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DliSession.Client.Tests.Signing;

/// <summary>A request exactly as it arrived on the socket: the raw request target split at '?', header lines, body bytes.</summary>
public sealed record CapturedRequest(
    string Method, string Path, string Query, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);

/// <summary>
/// A one-request-per-connection HTTP/1.1 server on 127.0.0.1 that records what the client really wrote, below every
/// .NET header abstraction, and answers 200 with <c>Connection: close</c>.
/// </summary>
public sealed class LoopbackCapture : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public LoopbackCapture() => listener.Start();

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>Sends with <paramref name="send"/> while accepting the one connection it opens.</summary>
    public async Task<CapturedRequest> CaptureAsync(Func<Task> send)
    {
        var receive = ReceiveOneAsync();
        await send();
        return await receive;
    }

    private async Task<CapturedRequest> ReceiveOneAsync()
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var head = await ReadHeadAsync(stream);
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var target = requestLine[1];
        var queryAt = target.IndexOf('?');
        var headers = lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':')], l[(l.IndexOf(':') + 1)..].Trim()))
            .ToList();
        var length = int.Parse(ServerSideSignature.Find(headers, "Content-Length") ?? "0");
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        return new CapturedRequest(requestLine[0],
            queryAt < 0 ? target : target[..queryAt], queryAt < 0 ? string.Empty : target[queryAt..], headers, body);
    }

    /// <summary>Reads byte by byte up to the blank line, so no body byte is consumed with the head.</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            await stream.ReadExactlyAsync(one);
            head.Add(one[0]);
        }
        return Encoding.Latin1.GetString([.. head]);
    }

    public void Dispose() => listener.Stop();
}
