using System.Security;

namespace DliSession.Client.Auth;

/// <summary>
/// How requests prove who sends them. Secrets are held as <see cref="SecureString"/> and read only at the moment a
/// request is authenticated; no member, <c>ToString</c> or serializer ever returns them.
/// </summary>
public abstract class DliCredential
{
    /// <summary>A short name for display: <c>Token</c>, <c>AkSk</c>, <c>TemporaryAkSk</c> or <c>None</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Adds the authentication headers to a request whose body bytes are <paramref name="body"/>.</summary>
    internal abstract void Authenticate(HttpRequestMessage request, ReadOnlySpan<byte> body, string projectId, DateTimeOffset now);

    public override string ToString() => Kind;
}
