using DliSession.Engine;

namespace DliSession.Client.Http;

/// <summary>
/// The one HTTP pipeline of the process: retry, then buffering, then authentication, then tracing, then the
/// calling-thread send, over a pooled SocketsHttpHandler (a second one, made by the same code, serves the calling-thread
/// sends). The handlers are chosen here; the engine only assembles them with IHttpClientFactory.
/// Every context shares it; what differs per request (credential, log) travels in the request's options, so
/// connections are reused across contexts, runspaces and threads.
/// </summary>
public static class DliHttp
{
    private static readonly Lock Gate = new();
    private static HttpClient? s_shared;

    /// <summary>
    /// The process-wide client, built on first use (the module's import-time warm-up is usually first). A caller that
    /// comes while another thread builds it waits for that build; a build that fails is not kept, so the next use
    /// tries again instead of failing for the rest of the process.
    /// </summary>
    public static HttpClient Client
    {
        get
        {
            if (Volatile.Read(ref s_shared) is { } client) return client;
            lock (Gate)
            {
                return s_shared ??= Create(TimeProvider.System, primary: null);
            }
        }
    }

    /// <summary>A separate pipeline, for tests that need their own clock or transport.</summary>
    internal static HttpClient Create(TimeProvider clock, Func<HttpMessageHandler>? primary)
    {
        return HttpPipeline.Create(
            primary ?? (() => CreatePrimaryHandler(blockingSockets: false)),
            [
                () => new RetryHandler(clock),
                () => new BufferingHandler(),
                () => new AuthenticationHandler(clock),
                () => new TracingHandler(),
                () => new CallingThreadHandler(primary ?? (() => CreatePrimaryHandler(blockingSockets: true))),
            ],
            ConfigureClient);
    }

    private static HttpMessageHandler CreatePrimaryHandler(bool blockingSockets) => new SocketsHttpHandler
    {
        ConnectCallback = blockingSockets ? BlockingConnection.ConnectAsync : null,
        // Long-lived connections, recycled now and then so DNS changes are seen.
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        UseCookies = false,
        // DLI never redirects; a followed redirect would carry the credential and body to another origin.
        // The client reports a 3xx instead (DliRedirectRefused).
        AllowAutoRedirect = false,
        // HTTP_PROXY and friends apply, except to loopback: the emulator's plain-http traffic stays on this machine.
        Proxy = new LoopbackDirectProxy(HttpClient.DefaultProxy),
        UseProxy = true,
    };

    private static void ConfigureClient(HttpClient client)
    {
        // Each attempt has its own timeout (RetryHandler); the client's would cut retries short.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"DliSession/{typeof(DliHttp).Assembly.GetName().Version?.ToString(3)}");
    }
}
