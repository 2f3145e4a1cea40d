namespace DliSession.Client.Auth;

/// <summary>
/// The connection settings (credential, project id or endpoint) could not be resolved. The message says what is
/// missing and how to provide it; it never holds a secret, because the cmdlets show it as is.
/// </summary>
public sealed class DliCredentialException : Exception
{
    public DliCredentialException(string message) : base(message) { }

    public DliCredentialException(string message, Exception innerException) : base(message, innerException) { }
}
