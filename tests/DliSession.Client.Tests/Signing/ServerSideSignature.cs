using System.Text;
using DliSession.Client.Signing;

namespace DliSession.Client.Tests.Signing;

/// <summary>The three intermediate results of <c>SDK-HMAC-SHA256</c>, so a test can say which one differs.</summary>
public sealed record SignatureParts(string CanonicalRequest, string StringToSign, string Authorization);

/// <summary>
/// Computes a signature the way a server does, from the primitives alone: the date and any
/// <c>X-Sdk-Content-Sha256</c> are taken from the signed headers, the payload hash otherwise from the body.
/// </summary>
public static class ServerSideSignature
{
    public static SignatureParts Compute(string method, string escapedPath, string escapedQuery,
        IReadOnlyList<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> body, string accessKey, string secretKey)
    {
        var date = Find(signedHeaders, SdkHmacSha256.DateHeader) ?? throw new InvalidOperationException("X-Sdk-Date is not signed.");
        var payloadHash = Find(signedHeaders, SdkHmacSha256.ContentSha256Header) ?? SdkHmacSha256.HexSha256(body);
        var canonicalRequest = SdkHmacSha256.CanonicalRequest(method, escapedPath, escapedQuery, signedHeaders, payloadHash);
        var stringToSign = SdkHmacSha256.StringToSign(date, canonicalRequest);
        var signature = SdkHmacSha256.Signature(Encoding.UTF8.GetBytes(secretKey), stringToSign);
        var signedNames = SdkHmacSha256.CanonicalHeaders(signedHeaders).SignedHeaders;
        return new(canonicalRequest, stringToSign, SdkHmacSha256.AuthorizationHeader(accessKey, signedNames, signature));
    }

    /// <summary>Checks a request as received: the headers its <c>Authorization</c> names, with their received values.</summary>
    public static SignatureParts Recompute(CapturedRequest request, string secretKey)
    {
        var authorization = Find(request.Headers, "Authorization");
        Assert.True(SdkHmacSha256.TryParseAuthorization(authorization, out var accessKey, out var signedNames, out _),
            "The request carries no SDK-HMAC-SHA256 Authorization header.");
        var signed = signedNames.Split(';')
            .Select(name => new KeyValuePair<string, string>(name,
                Find(request.Headers, name) ?? throw new InvalidOperationException($"Signed header {name} was not received.")))
            .ToList();
        return Compute(request.Method, request.Path, request.Query, signed, request.Body, accessKey, secretKey);
    }

    public static string? Find(IEnumerable<KeyValuePair<string, string>> headers, string name) =>
        headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
