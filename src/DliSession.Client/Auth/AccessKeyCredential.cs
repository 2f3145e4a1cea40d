using System.Security;
using DliSession.Client.Signing;

namespace DliSession.Client.Auth;

/// <summary>
/// An access key pair (and, for temporary keys, a security token): every request is signed with
/// <c>SDK-HMAC-SHA256</c>. The access key id is not a secret and may be shown; the secret key and security token never are.
/// </summary>
public sealed class AccessKeyCredential : DliCredential
{
    public const string ProjectIdHeader = "X-Project-Id";
    public const string SecurityTokenHeader = "X-Security-Token";

    private readonly SecureString secretKey;
    private readonly SecureString? securityToken;

    public AccessKeyCredential(string accessKey, SecureString secretKey, SecureString? securityToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        ArgumentNullException.ThrowIfNull(secretKey);
        if (SecureStrings.HasControlCharacter(accessKey)) throw SecureStrings.ControlCharacterIn("access key", nameof(accessKey));
        if (SecureStrings.HasControlCharacter(secretKey)) throw SecureStrings.ControlCharacterIn("secret key", nameof(secretKey));
        if (securityToken is not null && SecureStrings.HasControlCharacter(securityToken))
            throw SecureStrings.ControlCharacterIn("security token", nameof(securityToken));
        AccessKey = accessKey;
        this.secretKey = secretKey;
        this.securityToken = securityToken;
    }

    public string AccessKey { get; }

    public bool IsTemporary => securityToken is not null;

    public override string Kind => IsTemporary ? "TemporaryAkSk" : "AkSk";

    /// <summary>
    /// Adds <c>X-Sdk-Date</c>, <c>X-Project-Id</c> and, for temporary keys, <c>X-Security-Token</c> before signing, so
    /// that all of them are covered by the signature, as Huawei's SDKs do. Setting (not appending) makes a second call
    /// on the same request replace the first one's headers rather than send two dates or two signatures.
    /// </summary>
    internal override void Authenticate(HttpRequestMessage request, ReadOnlySpan<byte> body, string projectId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        var sdkDate = SdkHmacSha256.FormatDate(now);
        SetHeader(request, SdkHmacSha256.DateHeader, sdkDate);
        SetHeader(request, ProjectIdHeader, projectId);
        if (securityToken is not null) SetHeader(request, SecurityTokenHeader, SecureStrings.Reveal(securityToken));
        var toSign = new List<string> { SdkHmacSha256.DateHeader, ProjectIdHeader };
        if (securityToken is not null) toSign.Add(SecurityTokenHeader);
        Sign(request, body, sdkDate, toSign);
    }

    /// <summary>
    /// Signs <paramref name="request"/> over <c>host</c>, the content type it will send, a caller-supplied
    /// <c>X-Sdk-Content-Sha256</c>, and the request headers named in <paramref name="requestHeadersToSign"/>.
    /// </summary>
    internal void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, string sdkDate, IEnumerable<string> requestHeadersToSign)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI to sign.", nameof(request));
        var signed = WireHeaders.ToSign(request, requestHeadersToSign);
        var payloadHash = signed.FirstOrDefault(h => IsContentSha256(h.Key)).Value ?? SdkHmacSha256.HexSha256(body);
        var canonicalRequest = SdkHmacSha256.CanonicalRequest(request.Method.Method, uri.AbsolutePath, uri.Query, signed, payloadHash);
        var stringToSign = SdkHmacSha256.StringToSign(sdkDate, canonicalRequest);
        var signature = SecureStrings.WithUtf8(secretKey, key => SdkHmacSha256.Signature(key, stringToSign));
        var signedHeaderNames = SdkHmacSha256.CanonicalHeaders(signed).SignedHeaders;
        SetHeader(request, "Authorization", SdkHmacSha256.AuthorizationHeader(AccessKey, signedHeaderNames, signature));
    }

    private static bool IsContentSha256(string name) =>
        string.Equals(name, SdkHmacSha256.ContentSha256Header, StringComparison.OrdinalIgnoreCase);

    private static void SetHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
