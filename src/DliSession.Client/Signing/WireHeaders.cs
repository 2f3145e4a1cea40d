namespace DliSession.Client.Signing;

/// <summary>
/// The values of headers exactly as the HTTP handler will write them, which is what a signature must cover.
/// Reads through <c>NonValidated</c>, which returns the stored form the handler serialises: a value added without
/// validation (<c>application/json;charset=UTF-8</c>) is signed verbatim instead of re-formatted
/// (<c>application/json; charset=UTF-8</c>). Reading the typed property (<c>Content.Headers.ContentType</c>) parses
/// and re-formats the stored value, so signing must be the last thing that touches a request before the wire.
/// </summary>
internal static class WireHeaders
{
    /// <summary>
    /// <c>host</c>, the named request headers, <c>X-Sdk-Content-Sha256</c> when the caller set it, and the content type
    /// when the request has content, each with the value that goes on the wire.
    /// </summary>
    public static List<KeyValuePair<string, string>> ToSign(HttpRequestMessage request, IEnumerable<string> requestHeaderNames)
    {
        var signed = new List<KeyValuePair<string, string>> { new("host", Host(request)) };
        foreach (var name in requestHeaderNames)
        {
            var value = Value(request.Headers, name)
                ?? throw new InvalidOperationException($"Header '{name}' is to be signed but the request does not send it.");
            signed.Add(new(name, value));
        }
        if (Value(request.Headers, SdkHmacSha256.ContentSha256Header) is { } contentSha256)
            signed.Add(new(SdkHmacSha256.ContentSha256Header, contentSha256));
        if (request.Content is not null && Value(request.Content.Headers, "Content-Type") is { } contentType)
            signed.Add(new("Content-Type", contentType));
        return signed;
    }

    /// <summary>The <c>Host</c> header if the caller set one, else what the handler derives from the URI: the
    /// default port is left out, any other port kept.</summary>
    public static string Host(HttpRequestMessage request)
    {
        if (Value(request.Headers, "Host") is { } host) return host;
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var name = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.IdnHost;
        return uri.IsDefaultPort ? name : $"{name}:{uri.Port}";
    }

    private static string? Value(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
