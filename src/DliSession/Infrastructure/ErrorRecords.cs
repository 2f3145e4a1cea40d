using System.Management.Automation;
using DliSession.Client.Errors;

namespace DliSession.Commands.Infrastructure;

/// <summary>Turns the core's exceptions into error records: the stable id, the category its kind means, the object it concerns.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(DliException exception, object? target)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, Category(exception.Kind), target);
        if (RecommendedAction(exception.Kind) is { } action)
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = action };
        return record;
    }

    public static ErrorRecord InvalidArgument(string errorId, string message, object? target) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

    public static ErrorCategory Category(DliErrorKind kind) => kind switch
    {
        DliErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        DliErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        DliErrorKind.Authentication => ErrorCategory.AuthenticationError,
        DliErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        DliErrorKind.Conflict => ErrorCategory.ResourceExists,
        DliErrorKind.Throttled => ErrorCategory.LimitsExceeded,
        DliErrorKind.ServiceUnavailable => ErrorCategory.ResourceUnavailable,
        DliErrorKind.Timeout => ErrorCategory.OperationTimeout,
        DliErrorKind.Connection => ErrorCategory.ConnectionError,
        DliErrorKind.InvalidResponse => ErrorCategory.InvalidResult,
        _ => ErrorCategory.InvalidOperation,
    };

    private static string? RecommendedAction(DliErrorKind kind) => kind switch
    {
        DliErrorKind.Authentication => "Check the credential: run Connect-Dli again, or see Get-Help about_DliSession for the credential chain.",
        DliErrorKind.Throttled => "Wait and try again, or raise -MaxAttempts on Connect-Dli.",
        DliErrorKind.Connection => "Check the endpoint with Get-DliContext, and that it is reachable from here.",
        _ => null,
    };
}
