using System.Text.Json;
using DliSession.Client.Json;

namespace DliSession.Client.Errors;

/// <summary>Reads an error answer into a <see cref="DliApiException"/>, whatever its body: DLI's, Livy's, HTML or nothing.</summary>
internal static class ErrorResponse
{
    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-Openstack-Request-Id"];

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
        return new DliApiException(response.StatusCode, code, message, RequestId(response), method, path);
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static bool IsBlank(ReadOnlySpan<byte> body) => body.Trim(" \t\r\n"u8).IsEmpty;

    private static bool LooksLikeJson(ReadOnlySpan<byte> body) =>
        body.Trim(" \t\r\n"u8) is [(byte)'{' or (byte)'[', ..];

    private static string? RequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
            if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
        return null;
    }
}
