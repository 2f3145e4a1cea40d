using DliSession.Engine;

namespace DliSession.Client.Http;

/// <summary>
/// The one HTTP pipeline of the process: retry, then buffering, then authentication, then tracing, then the
/// calling-thread send, over a pooled SocketsHttpHandler. The handlers are chosen here; the engine only assembles
/// them with IHttpClientFactory.
/// Every context shares it; what differs per request (credential, log) travels in the request's options, so
/// connections are reused across contexts, runspaces and threads.
/// </summary>
public static class DliHttp
{
    private static readonly Lazy<HttpClient> Shared = new(() => Create(TimeProvider.System, primary: null));

    /// <summary>The process-wide client. Built on first use, so importing the module costs nothing.</summary>
    public static HttpClient Client => Shared.Value;

    /// <summary>A separate pipeline, for tests that need their own clock or transport.</summary>
    internal static HttpClient Create(TimeProvider clock, Func<HttpMessageHandler>? primary) =>
        HttpPipeline.Create(
            primary ?? CreatePrimaryHandler,
            [
                () => new RetryHandler(clock),
                () => new BufferingHandler(),
                () => new AuthenticationHandler(clock),
                () => new TracingHandler(),
                () => new CallingThreadHandler(),
            ],
            ConfigureClient);

    private static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        // Long-lived connections, recycled now and then so DNS changes are seen.
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        UseCookies = false,
    };

    private static void ConfigureClient(HttpClient client)
    {
        // Each attempt has its own timeout (RetryHandler); the client's would cut retries short.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"DliSession/{typeof(DliHttp).Assembly.GetName().Version?.ToString(3)}");
    }
}
