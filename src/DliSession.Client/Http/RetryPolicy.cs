using System.Net;

namespace DliSession.Client.Http;

/// <summary>
/// Which failures are worth another attempt and how long to wait first. A second create costs the user a second
/// Spark session, so a POST is retried only when the service cannot have acted on it: it was throttled (429) or the
/// connection failed before the request went out.
/// </summary>
internal static class RetryPolicy
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(250);

    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Delete || method == HttpMethod.Head;

    public static bool ShouldRetry(HttpMethod method, HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => true,
        HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout => IsIdempotent(method),
        _ => false,
    };

    /// <summary>A failure to connect means nothing was sent; any other transport failure may come after the service acted.</summary>
    public static bool ShouldRetry(HttpMethod method, HttpRequestException failure) =>
        IsIdempotent(method) || failure.HttpRequestError == HttpRequestError.ConnectionError;

    public static bool ShouldRetryTimeout(HttpMethod method) => IsIdempotent(method);

    /// <summary>The service's Retry-After when it gave one, else exponential backoff with jitter; never above <paramref name="cap"/>.</summary>
    public static TimeSpan Delay(int attempt, HttpResponseMessage? response, TimeSpan cap, DateTimeOffset now, Random random)
    {
        if (RetryAfter(response, now) is { } asked) return asked < cap ? asked : cap;
        var exponential = BaseDelay * Math.Pow(2, attempt - 1);
        var jittered = exponential * (0.5 + random.NextDouble() * 0.5);
        return jittered < cap ? jittered : cap;
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}
