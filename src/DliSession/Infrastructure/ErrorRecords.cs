using System.Management.Automation;
using DliSession.Client.Auth;
using DliSession.Client.Errors;

namespace DliSession.Commands.Infrastructure;

/// <summary>Turns the core's exceptions into error records: the stable id, the category its kind means, the object it concerns.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(DliException exception, object? target)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, Category(exception.Kind), target);
        if (RecommendedAction(exception) is { } action)
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

    /// <summary>What to do about this failure: fitted to its cause, so advice never sends someone the wrong way.</summary>
    public static string? RecommendedAction(DliException exception) => exception switch
    {
        DliCredentialException credential => ConnectionAdvice(credential),
        DliApiException { Kind: DliErrorKind.Authentication } =>
            "Check the credential and that the project id belongs to it: Connect-Dli -Verify checks both at once.",
        { Kind: DliErrorKind.PermissionDenied } => "Ask for DLI permissions in this project (an IAM policy), or check the project id with Get-DliContext.",
        { Kind: DliErrorKind.Throttled } => "Wait and try again, or raise -MaxAttempts on Connect-Dli.",
        { Kind: DliErrorKind.Connection } => "Check the endpoint with Get-DliContext, and that it is reachable from here.",
        { Kind: DliErrorKind.Timeout } => "Try again, or raise -TimeoutSec on Connect-Dli if the service is slow.",
        _ => null,
    };

    /// <summary>What to do when no connection could be resolved, by what the core found wrong.</summary>
    private static string ConnectionAdvice(DliCredentialException exception) => exception.Problem switch
    {
        ConnectionProblem.Invalid when exception.Items.Contains("endpoint") =>
            "Use an https endpoint, or -Region to get DLI's; plain http is only for the local emulator on 127.0.0.1 or localhost.",
        ConnectionProblem.Invalid => $"Correct {string.Join(" and ", exception.Items)}; Get-Help Connect-Dli shows the accepted forms.",
        ConnectionProblem.Conflicting => $"Give only one of {string.Join(" and ", exception.Items)}.",
        ConnectionProblem.Incomplete => $"Give {string.Join(" and ", exception.Items.Skip(1))} as well.",
        ConnectionProblem.ProfileNotFound => "Check the profile name, or add that section (with ak, sk and project_id) to the credentials file.",
        ConnectionProblem.NoCredential =>
            "Run Connect-Dli -Credential (access key as user name, secret key as password), or -AccessKey with -SecretKey, or -Token.",
        ConnectionProblem.NoProjectId => "Pass -ProjectId to Connect-Dli: the project id of your region (IAM console, My Credentials, API Credentials).",
        ConnectionProblem.NoEndpoint => "Pass -Region (for example cn-north-4) or -Endpoint to Connect-Dli.",
        _ => "See Get-Help about_DliSession for the ways to connect.",
    };
}
