using System.Net;

namespace DliSession.Client.Errors;

/// <summary>
/// The service answered with an error status. DLI's own body (<c>error_code</c>, <c>error_msg</c>), Livy's
/// (<c>msg</c>) and bodies that are not JSON at all (a gateway's HTML page) all end up here.
/// </summary>
public sealed class DliApiException : DliException
{
    public DliApiException(HttpStatusCode statusCode, string? errorCode, string? errorMessage, string? requestId,
        string method, string path)
        : base(ErrorIdFor(errorCode, statusCode), KindFor(statusCode, errorCode),
            Describe(statusCode, errorCode, errorMessage, requestId, method, path))
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The service's code, such as <c>DLI.0002</c> or <c>APIGW.0303</c>; null when the body had none.</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }
    public string? RequestId { get; }

    // The DLI code is the most precise id a script can match on; without one, the HTTP status is.
    private static string ErrorIdFor(string? errorCode, HttpStatusCode status) =>
        errorCode ?? $"DliHttp{(int)status}";

    internal static DliErrorKind KindFor(HttpStatusCode status, string? errorCode)
    {
        // DLI answers "object does not exist" with 400, so the code decides before the status does.
        switch (errorCode)
        {
            case "DLI.0002" or "DLI.0023": return DliErrorKind.NotFound;
            case "DLI.0013" or "DLI.0014" or "DLI.0015": return DliErrorKind.Authentication;
            case "DLI.0003" or "DLI.0011" or "DLI.0016": return DliErrorKind.PermissionDenied;
            case "DLI.0006": return DliErrorKind.Conflict;
            case "DLI.0009" or "DLI.1028": return DliErrorKind.Throttled;
            case "DLI.0007": return DliErrorKind.InvalidOperation;
            // "Server-side system error", sent with 400: the caller's arguments are not what is wrong.
            case "DLI.0999": return DliErrorKind.ServiceUnavailable;
        }
        var code = (int)status;
        return code switch
        {
            400 => DliErrorKind.InvalidArgument,
            401 => DliErrorKind.Authentication,
            403 => DliErrorKind.PermissionDenied,
            404 => DliErrorKind.NotFound,
            408 or 504 => DliErrorKind.Timeout,
            409 => DliErrorKind.Conflict,
            429 => DliErrorKind.Throttled,
            >= 500 => DliErrorKind.ServiceUnavailable,
            _ => DliErrorKind.InvalidOperation,
        };
    }

    private static string Describe(HttpStatusCode status, string? errorCode, string? errorMessage, string? requestId,
        string method, string path)
    {
        var what = errorMessage ?? status.ToString();
        var code = errorCode is null ? string.Empty : $" {errorCode}";
        var id = requestId is null ? string.Empty : $" (request id {requestId})";
        return $"DLI answered {method} {path} with {(int)status}{code}: {what}{id}";
    }
}
