using System.Security.Cryptography;
using System.Text;
using DliSession.Client.Signing;
using DliSession.Emulator.Pipeline;

namespace DliSession.Emulator.Authentication;

/// <summary>
/// Verifies an <c>SDK-HMAC-SHA256</c> signature the way APIG does: recompute the canonical request from what was
/// actually received (the raw target, the headers the client says it signed, the exact body bytes) with the same
/// signer the client uses, and compare in constant time.
/// </summary>
internal sealed class SignatureVerifier(EmulatorOptions options, TimeProvider clock)
{
    /// <summary>APIG's limit on clock difference before it answers "signature expired".</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    private const string SecurityTokenHeader = "X-Security-Token";

    /// <summary>The caller's access key when the signature is valid; otherwise null and the reason.</summary>
    public string? Verify(HttpContext context, byte[] body, out string failure)
    {
        var request = context.Request;
        failure = "";
        if (!SdkHmacSha256.TryParseAuthorization(request.Headers.Authorization, out var accessKey, out var signedHeaders, out var signature))
            return Fail("Authorization is not of the form 'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...'.", out failure);
        var pair = options.AccessKeys.FirstOrDefault(p => p.AccessKey == accessKey);
        if (pair is null) return Fail($"The access key '{accessKey}' is not known.", out failure);

        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-sdk-date"))
            return Fail("SignedHeaders must include host and x-sdk-date.", out failure);
        var headers = new List<KeyValuePair<string, string>>(names.Length);
        foreach (var name in names)
        {
            var value = request.Headers[name];
            if (value.Count == 0) return Fail($"The signed header '{name}' is not in the request.", out failure);
            headers.Add(new(name, value.ToString()));
        }

        var sdkDate = request.Headers[SdkHmacSha256.DateHeader].ToString().Trim();
        if (!SdkHmacSha256.TryParseDate(sdkDate, out var signedAt))
            return Fail($"{SdkHmacSha256.DateHeader} is not of the form {SdkHmacSha256.DateFormat}.", out failure);
        if ((clock.GetUtcNow() - signedAt).Duration() > MaxClockSkew)
            return Fail($"{SdkHmacSha256.DateHeader} is more than {MaxClockSkew.TotalMinutes} minutes away from the server's clock.", out failure);

        if (pair.SecurityToken is not null)
        {
            if (!names.Contains("x-security-token"))
                return Fail($"A temporary access key needs a signed {SecurityTokenHeader} header.", out failure);
            if (!ConstantTimeEquals(request.Headers[SecurityTokenHeader].ToString().Trim(), pair.SecurityToken))
                return Fail($"{SecurityTokenHeader} does not belong to the temporary access key.", out failure);
        }

        // An unsigned X-Sdk-Content-Sha256 would let anyone swap the body, so it only counts when it is signed.
        var declaredHash = request.Headers[SdkHmacSha256.ContentSha256Header];
        if (declaredHash.Count > 0 && !names.Contains(SdkHmacSha256.ContentSha256Header.ToLowerInvariant()))
            return Fail($"{SdkHmacSha256.ContentSha256Header} must be signed when it is sent.", out failure);
        var payloadHash = declaredHash.Count > 0 ? declaredHash.ToString().Trim() : SdkHmacSha256.HexSha256(body);

        var (path, query) = RequestTarget.Raw(context);
        var canonical = SdkHmacSha256.CanonicalRequest(request.Method, path, query, headers, payloadHash);
        var expected = SdkHmacSha256.Signature(pair.SecretKeyUtf8, SdkHmacSha256.StringToSign(sdkDate, canonical));
        return ConstantTimeEquals(expected, signature)
            ? accessKey
            : Fail("The signature does not match the request.", out failure);
    }

    private static string? Fail(string reason, out string failure)
    {
        failure = reason;
        return null;
    }

    private static bool ConstantTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
