using System.Text;
using DliSession.Client.Auth;

namespace DliSession.Client.Tests.Signing;

/// <summary>Turns a vector into the <see cref="HttpRequestMessage"/> and credential the client would use.</summary>
public static class VectorRequests
{
    public static byte[] Body(SigningVector vector) => Encoding.UTF8.GetBytes(vector.Body);

    /// <summary>The vector's request at <paramref name="url"/>; a Content-Type goes on content (even an empty one),
    /// since .NET refuses content headers on the request itself.</summary>
    public static HttpRequestMessage Build(SigningVector vector, string url, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var request = new HttpRequestMessage(new HttpMethod(vector.Method), url);
        foreach (var (name, value) in headers)
        {
            if (IsContentType(name))
            {
                request.Content ??= new ByteArrayContent(Body(vector));
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else Assert.True(request.Headers.TryAddWithoutValidation(name, value), $"Header {name} was refused.");
        }
        if (request.Content is null && vector.Body.Length > 0) request.Content = new ByteArrayContent(Body(vector));
        return request;
    }

    public static AccessKeyCredential Credential(SigningVector vector) =>
        new(vector.AccessKey, SecureStrings.FromString(vector.SecretKey),
            vector.SecurityToken is null ? null : SecureStrings.FromString(vector.SecurityToken));

    public static bool IsContentType(string name) => string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase);
}
