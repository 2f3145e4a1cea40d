using Microsoft.Extensions.DependencyInjection;

namespace DliSession.Engine;

/// <summary>
/// Builds an HttpClient with Microsoft.Extensions.Http's IHttpClientFactory from parts the caller makes: the
/// delegating handlers (outermost first) over a primary handler that is never rotated. Only BCL types cross this
/// API, because the engine may live in a different AssemblyLoadContext from its caller.
/// </summary>
public static class HttpPipeline
{
    private const string ClientName = "dli";

    /// <param name="primaryHandler">Makes the handler that does the I/O; called once, since it is never rotated.</param>
    /// <param name="handlers">Make the delegating handlers, the first the outermost.</param>
    /// <param name="configureClient">Sets the client's defaults (timeout, headers).</param>
    public static HttpClient Create(
        Func<HttpMessageHandler> primaryHandler,
        IEnumerable<Func<DelegatingHandler>> handlers,
        Action<HttpClient> configureClient)
    {
        ArgumentNullException.ThrowIfNull(primaryHandler);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(configureClient);

        var services = new ServiceCollection();
        var builder = services
            .AddHttpClient(ClientName, configureClient)
            .ConfigurePrimaryHttpMessageHandler(primaryHandler)
            // The handler is never rotated: SocketsHttpHandler's pool lifetime already handles DNS.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        foreach (var handler in handlers)
        {
            builder.AddHttpMessageHandler(handler);
        }
        builder.RemoveAllLoggers();
        var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }
}
