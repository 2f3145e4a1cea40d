using Microsoft.Extensions.DependencyInjection;

namespace DliSession.Client.Http;

/// <summary>
/// The one HTTP pipeline of the process, built once with IHttpClientFactory: retry, then buffering, then
/// authentication, then tracing, over a pooled SocketsHttpHandler. Every context shares it; what differs per request
/// (credential, log) travels in the request's options, so connections are reused across contexts, runspaces and threads.
/// </summary>
public static class DliHttp
{
    internal const string ClientName = "dli";

    private static readonly Lazy<HttpClient> Shared = new(() => Create(TimeProvider.System, primary: null));

    /// <summary>The process-wide client. Built on first use, so importing the module costs nothing.</summary>
    public static HttpClient Client => Shared.Value;

    /// <summary>A separate pipeline, for tests that need their own clock or transport.</summary>
    internal static HttpClient Create(TimeProvider clock, Func<HttpMessageHandler>? primary)
    {
        var services = new ServiceCollection();
        var builder = services
            .AddHttpClient(ClientName, client =>
            {
                // Each attempt has its own timeout (RetryHandler); the client's would cut retries short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd($"DliSession/{typeof(DliHttp).Assembly.GetName().Version?.ToString(3)}");
            })
            .ConfigurePrimaryHttpMessageHandler(primary ?? (() => new SocketsHttpHandler
            {
                // Long-lived connections, recycled now and then so DNS changes are seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                UseCookies = false,
            }))
            // The handler is never rotated: SocketsHttpHandler's pool lifetime already handles DNS.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(() => new RetryHandler(clock))
            .AddHttpMessageHandler(() => new BufferingHandler())
            .AddHttpMessageHandler(() => new AuthenticationHandler(clock))
            .AddHttpMessageHandler(() => new TracingHandler());
        builder.RemoveAllLoggers();
        var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }
}
