using System.Security;

namespace DliSession.Client.Auth;

/// <summary>
/// An access key pair (and, for temporary keys, a security token): every request is signed with
/// <c>SDK-HMAC-SHA256</c>. The access key id is not a secret and may be shown; the secret key and security token never are.
/// </summary>
public sealed class AccessKeyCredential(string accessKey, SecureString secretKey, SecureString? securityToken = null) : DliCredential
{
    public string AccessKey { get; } = accessKey;

    public bool IsTemporary => securityToken is not null;

    public override string Kind => IsTemporary ? "TemporaryAkSk" : "AkSk";

    internal override void Authenticate(HttpRequestMessage request, ReadOnlySpan<byte> body, string projectId, DateTimeOffset now) =>
        throw new NotImplementedException($"AK/SK signing lands with the authentication issue ({secretKey.Length}).");
}
