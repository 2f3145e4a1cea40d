namespace DliSession.Client.Errors;

/// <summary>What went wrong, in terms a caller can act on; the cmdlets turn it into an ErrorCategory.</summary>
public enum DliErrorKind
{
    InvalidArgument,
    NotFound,
    Authentication,
    PermissionDenied,
    Conflict,
    Throttled,
    ServiceUnavailable,
    Timeout,
    Connection,
    InvalidResponse,
    InvalidOperation,
}
