namespace DliSession.Client.Auth;

/// <summary>
/// Why the connection settings could not be resolved. With <see cref="DliCredentialException.Items"/> it is what a
/// caller needs to word its own advice (the cmdlets name their parameters and Connect-Dli); the core's message
/// names only environment variables, file sections and the caller's items as <see cref="ConnectionRequest.ItemName"/> gives them.
/// </summary>
public enum ConnectionProblem
{
    /// <summary>A value given is not valid (an endpoint that is not absolute, a region that is not a region id,
    /// credentials over plain http, a credentials file that cannot be read). Items: what is invalid.</summary>
    Invalid,

    /// <summary>Items that cannot be given together.</summary>
    Conflicting,

    /// <summary>The first item was given without the others (half an access key pair).</summary>
    Incomplete,

    /// <summary>A profile was named that the credentials file does not hold. Items: the profile, then the file (when there is one).</summary>
    ProfileNotFound,

    /// <summary>No credential in any source. Items: the environment variables and the file looked at.</summary>
    NoCredential,

    /// <summary>No project id in any source. Items: the environment variable and the file looked at.</summary>
    NoProjectId,

    /// <summary>No endpoint or region in any source. Items: the environment variables looked at.</summary>
    NoEndpoint,
}
