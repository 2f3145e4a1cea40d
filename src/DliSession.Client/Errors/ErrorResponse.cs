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
            code = string.IsNullOrWhiteSpace(wire?.ErrorCode) ? null : wire.ErrorCode;
            message = wire?.ErrorMessage ?? wire?.Message;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON (a gateway's HTML page, a proxy's text): its beginning is the best explanation there is.
            message = body.IsEmpty ? null : $"{response.ReasonPhrase}; the body is not JSON and begins: {ResponseParser.Excerpt(body)}";
        }
        return new DliApiException(response.StatusCode, code, message, RequestId(response), method, path);
    }

    private static string? RequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
            if (response.Headers.TryGetValues(name, out var values)) return values.FirstOrDefault();
        return null;
    }
}
