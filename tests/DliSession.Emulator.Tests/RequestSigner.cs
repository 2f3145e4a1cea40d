using System.Text;
using DliSession.Client.Signing;

namespace DliSession.Emulator.Tests;

/// <summary>Signs test requests with the same linked signer a client uses, so a green test means the emulator
/// accepts what the client will send.</summary>
internal static class RequestSigner
{
    public const string AccessKey = "EMULATORAK";
    public const string SecretKey = "emulator-secret-key";

    public static HttpRequestMessage Signed(HttpMethod method, string path, string? body, DateTimeOffset? at = null,
        string accessKey = AccessKey, string secretKey = SecretKey, string? securityToken = null, string host = "localhost")
    {
        var request = TestEmulator.Request(method, path, body, withToken: false);
        var date = SdkHmacSha256.FormatDate(at ?? DateTimeOffset.UtcNow);
        request.Headers.Add(SdkHmacSha256.DateHeader, date);
        var headers = new List<KeyValuePair<string, string>> { new("host", host), new("x-sdk-date", date) };
        if (securityToken is not null)
        {
            request.Headers.Add("X-Security-Token", securityToken);
            headers.Add(new("x-security-token", securityToken));
        }
        var question = path.IndexOf('?');
        var (rawPath, rawQuery) = question < 0 ? (path, "") : (path[..question], path[question..]);
        var payloadHash = SdkHmacSha256.HexSha256(Encoding.UTF8.GetBytes(body ?? ""));
        var canonical = SdkHmacSha256.CanonicalRequest(method.Method, rawPath, rawQuery, headers, payloadHash);
        var signature = SdkHmacSha256.Signature(Encoding.UTF8.GetBytes(secretKey), SdkHmacSha256.StringToSign(date, canonical));
        var (_, signedNames) = SdkHmacSha256.CanonicalHeaders(headers);
        request.Headers.TryAddWithoutValidation("Authorization", SdkHmacSha256.AuthorizationHeader(accessKey, signedNames, signature));
        return request;
    }
}
