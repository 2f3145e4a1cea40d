using DliSession.Client;
using DliSession.Client.Errors;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// What a failed Connect-Dli -Verify means, from what the service answered: the signature or token refused (a bad
/// key), the project refused (a project id that is not the credential's), or no DLI rights in the project.
/// </summary>
internal static class ConnectionCheck
{
    public static (string ErrorId, string Cause, string Advice) Explain(DliException exception, DliContext context) => exception switch
    {
        DliApiException { Kind: DliErrorKind.Authentication } api when Mentions(api, "project") => ("DliProjectRefused",
            $"DLI did not accept project '{context.ProjectId}' for this credential.",
            "Check -ProjectId: it is the id of the project of your region (IAM console, My Credentials, API Credentials), not its name."),
        DliApiException { Kind: DliErrorKind.Authentication } => ("DliCredentialRefused",
            $"DLI refused the {(context.AuthKind == "Token" ? "token" : "access key pair")}.",
            context.AuthKind == "Token"
                ? "Get a new IAM token (they last 24 hours) for this project, and run Connect-Dli -Token again."
                : "Check the access key and the secret key (a temporary key also needs -SecurityToken), and run Connect-Dli again."),
        DliApiException { Kind: DliErrorKind.PermissionDenied } => ("DliPermissionDenied",
            $"The credential is valid, but may not list DLI sessions in project '{context.ProjectId}'.",
            "Ask for DLI permissions in this project (an IAM policy), or check -ProjectId."),
        DliApiException { Kind: DliErrorKind.NotFound } => ("DliProjectRefused",
            $"DLI does not know project '{context.ProjectId}' at {context.Endpoint}.",
            "Check -ProjectId and that -Region or -Endpoint is the project's region."),
        _ => ("DliConnectionCheckFailed", $"The connection to {context.Endpoint} could not be checked.", ErrorRecords.RecommendedAction(exception)
            ?? "Check the endpoint with Get-DliContext, and that it is reachable from here."),
    };

    private static bool Mentions(DliApiException exception, string word) =>
        exception.ErrorMessage?.Contains(word, StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>Connect-Dli -Verify found that the service does not accept the connection; the inner exception is the service's answer.</summary>
public sealed class DliConnectionCheckException(string message, DliException inner) : Exception(message, inner);
