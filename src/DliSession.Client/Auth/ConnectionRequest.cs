using System.Security;

namespace DliSession.Client.Auth;

/// <summary>
/// What a caller gave explicitly (cmdlet parameters); every member is optional and anything left out is looked up by
/// <see cref="ContextResolver"/>. A class rather than a record, so no generated <c>ToString</c> lists the members.
/// </summary>
public sealed class ConnectionRequest
{
    public Uri? Endpoint { get; init; }
    public string? Region { get; init; }
    public string? ProjectId { get; init; }
    public SecureString? Token { get; init; }
    public string? AccessKey { get; init; }
    public SecureString? SecretKey { get; init; }
    public SecureString? SecurityToken { get; init; }

    /// <summary>A section of the credentials file to take the credential from instead of the default chain.</summary>
    public string? ProfileName { get; init; }

    /// <summary>
    /// How the caller names its own items (given the member name, e.g. <c>AccessKey</c>) in sources and messages: the
    /// cmdlets say <c>-AccessKey</c>. The member name itself by default.
    /// </summary>
    public Func<string, string> ItemName { get; init; } = name => name;
}
