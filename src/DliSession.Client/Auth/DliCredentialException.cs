using DliSession.Client.Errors;

namespace DliSession.Client.Auth;

/// <summary>
/// The connection settings (credential, project id or endpoint) could not be resolved. The message says what is
/// missing and how to provide it; it never holds a secret, because the cmdlets show it as is.
/// </summary>
public sealed class DliCredentialException : DliException
{
    public const string Id = "DliConnectionUnresolved";

    public DliCredentialException(string message) : base(Id, DliErrorKind.Authentication, message) { }

    public DliCredentialException(string message, Exception innerException)
        : base(Id, DliErrorKind.Authentication, message, innerException) { }
}
