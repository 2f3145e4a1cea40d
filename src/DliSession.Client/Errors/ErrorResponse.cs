using System.Text.Json;
using DliSession.Client.Json;

namespace DliSession.Client.Errors;

/// <summary>Reads an error answer into a <see cref="DliApiException"/>, whatever its body: DLI's, Livy's, HTML or nothing.</summary>
internal static class ErrorResponse
{
    /// <summary>The ErrorId of a redirect, which the module never follows.</summary>
    public const string RedirectId = "DliRedirectRefused";

    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-Openstack-Request-Id"];

    /// <summary>The failure an unsuccessful answer means: a refused redirect, or the service's error.</summary>
    public static DliException Failure(HttpResponseMessage response, ReadOnlySpan<byte> body, string method, string path) =>
        (int)response.StatusCode is >= 300 and < 400 ? Redirect(response, method, path) : From(response, body, method, path);

    /// <summary>
    /// DLI's API never redirects, and following one would send the credential and the body to wherever the server
    /// pointed, so a 3xx is reported, with its Location (user info and query left out), and nothing is re-sent.
    /// </summary>
    public static DliException Redirect(HttpResponseMessage response, string method, string path)
    {
        var location = response.Headers.Location is { } target ? $"'{Shown(target)}'" : "nowhere (no Location header)";
        return new DliException(RedirectId, DliErrorKind.InvalidResponse,
            $"DLI answered {method} {path} with {(int)response.StatusCode} {ServiceText.Clean(response.ReasonPhrase ?? "", 80)}, " +
            $"a redirect to {location}. DLI's API never redirects, so it was not followed and nothing was sent there; " +
            "check that the endpoint is DLI's.");
    }

    public static DliApiException From(HttpResponseMessage response, ReadOnlySpan<byte> body, string method, string path)
    {
        string? code = null, message = null;
        try
        {
            var wire = JsonSerializer.Deserialize(body, DliJsonContext.Default.ErrorWire);
            code = NullIfBlank(wire?.ErrorCode);
            // DLI sends error_msg, Livy msg; a blank one says nothing, so the other (or the status) speaks instead.
            message = NullIfBlank(wire?.ErrorMessage) ?? NullIfBlank(wire?.Message);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A gateway's HTML page, a proxy's text, or JSON of another shape: its beginning is the best explanation there is.
            var what = LooksLikeJson(body) ? "not DLI's error JSON" : "not JSON";
            message = IsBlank(body) ? null : $"{response.ReasonPhrase}; the body is {what} and begins: {ResponseParser.Excerpt(body)}";
        }
        if (code is not null && !ServiceText.IsServiceCode(code))
        {
            // Not shaped like DLI's codes: it must not become the ErrorId scripts match on, so it is only quoted.
            message = $"{message ?? response.StatusCode.ToString()} (the service's error code '{ServiceText.Clean(code, 64)}' is not a DLI code)";
            code = null;
        }
        return new DliApiException(response.StatusCode, code, message is null ? null : ServiceText.Clean(message),
            RequestId(response), method, path);
    }

    private static string Shown(Uri location) =>
        ServiceText.Clean(location.IsAbsoluteUri
            ? location.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : location.OriginalString.Split('?', '#')[0], 200);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static bool IsBlank(ReadOnlySpan<byte> body) => body.Trim(" \t\r\n"u8).IsEmpty;

    private static bool LooksLikeJson(ReadOnlySpan<byte> body) =>
        body.Trim(" \t\r\n"u8) is [(byte)'{' or (byte)'[', ..];

    private static string? RequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
            if (response.Headers.TryGetValues(name, out var values)) return ServiceText.Clean(values.FirstOrDefault() ?? "", 128);
        return null;
    }
}
