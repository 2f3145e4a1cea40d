using System.Diagnostics;
using System.Text;

namespace DliSession.Client.Http;

/// <summary>
/// Writes each attempt to the debug stream: request line, headers and outcome. It sits next to the wire, after
/// authentication, so it shows what is really sent, with every credential header replaced by a mark.
/// </summary>
internal sealed class TracingHandler : DelegatingHandler
{
    private static readonly HashSet<string> Redacted = new(StringComparer.OrdinalIgnoreCase)
        { "Authorization", "X-Auth-Token", "X-Security-Token", "Cookie", "Set-Cookie", "X-Subject-Token" };

    public const string Mark = "[redacted]";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var log = DliRequestOptions.GetLog(request);
        if (!log.DebugEnabled) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        log.Debug(Describe(request));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            log.Debug($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} for {request.Method} {request.RequestUri?.AbsolutePath} " +
                $"in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms{Headers(response.Headers)}");
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            log.Debug($"HTTP {request.Method} {request.RequestUri?.AbsolutePath} failed after " +
                $"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms: {ex.GetType().Name}: {ex.Message}");
            throw;
        }
    }

    private static string Describe(HttpRequestMessage request)
    {
        var text = new StringBuilder($"HTTP {request.Method} {request.RequestUri}");
        text.Append(Headers(request.Headers));
        if (request.Content is { } content)
        {
            text.Append(Headers(content.Headers));
            text.Append($" ({DliRequestOptions.GetBody(request).Length} body bytes)");
        }
        return text.ToString();
    }

    private static string Headers(System.Net.Http.Headers.HttpHeaders headers)
    {
        var text = new StringBuilder();
        foreach (var (name, values) in headers.NonValidated)
            text.Append("\n  ").Append(name).Append(": ").Append(Redacted.Contains(name) ? Mark : values.ToString());
        return text.ToString();
    }
}
