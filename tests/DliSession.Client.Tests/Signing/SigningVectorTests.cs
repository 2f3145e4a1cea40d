using DliSession.Client.Signing;

namespace DliSession.Client.Tests.Signing;

public sealed class SigningVectorTests
{
    [Fact]
    public void The_vector_file_is_found_and_holds_both_modes()
    {
        Assert.True(File.Exists(SigningVectors.Locate()));
        Assert.Contains(SigningVectors.Vectors, v => v.Mode == "signer");
        Assert.Contains(SigningVectors.Vectors, v => v.Mode == "sdk");
    }

    [Theory]
    [MemberData(nameof(SigningVectors.SignerIds), MemberType = typeof(SigningVectors))]
    public void Primitives_reproduce_canonical_request_string_to_sign_and_authorization(string id)
    {
        var vector = SigningVectors.Get(id);
        var uri = new Uri(vector.Url);
        var host = ServerSideSignature.Find(vector.Headers, "Host") ?? uri.Authority;
        List<KeyValuePair<string, string>> signed =
        [
            .. vector.Headers.Where(h => !string.Equals(h.Key, "Host", StringComparison.OrdinalIgnoreCase)),
            new("host", host),
            new(SdkHmacSha256.DateHeader, vector.Date),
        ];

        var parts = ServerSideSignature.Compute(vector.Method, uri.AbsolutePath, uri.Query, signed,
            VectorRequests.Body(vector), vector.AccessKey, vector.SecretKey);

        Assert.Equal(vector.CanonicalRequest, parts.CanonicalRequest);
        Assert.Equal(vector.StringToSign, parts.StringToSign);
        Assert.Equal(vector.Authorization, parts.Authorization);
    }

    [Theory]
    [MemberData(nameof(SigningVectors.SignerIds), MemberType = typeof(SigningVectors))]
    public void The_credential_signs_an_HttpRequestMessage_like_the_vector(string id)
    {
        var vector = SigningVectors.Get(id);
        using var request = VectorRequests.Build(vector, vector.Url,
            [.. vector.Headers, new(SdkHmacSha256.DateHeader, vector.Date)]);
        var requestHeaders = vector.Headers.Select(h => h.Key)
            .Where(name => !VectorRequests.IsContentType(name) && !string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            .Append(SdkHmacSha256.DateHeader)
            .Where(name => !string.Equals(name, SdkHmacSha256.ContentSha256Header, StringComparison.OrdinalIgnoreCase));

        VectorRequests.Credential(vector).Sign(request, VectorRequests.Body(vector), vector.Date, requestHeaders);

        Assert.Equal(vector.Authorization, Assert.Single(request.Headers.GetValues("Authorization")));
    }

    /// <summary>
    /// SDK-mode vectors run Huawei's whole pipeline: X-Project-Id and X-Security-Token come from the credential, and the
    /// Content-Type sent is <c>application/json</c> (the SDK drops a charset; this client's pipeline never adds one), so
    /// the request is built from the wire headers the vector expects, not from its raw input.
    /// </summary>
    [Theory]
    [MemberData(nameof(SigningVectors.SdkIds), MemberType = typeof(SigningVectors))]
    public void Authenticate_adds_and_signs_project_and_security_token_like_the_sdk(string id)
    {
        var vector = SigningVectors.Get(id);
        var uri = new Uri(vector.Url);
        var url = uri.GetLeftPart(UriPartial.Authority) + vector.SdkRequestUrl;
        using var request = VectorRequests.Build(vector, url, vector.ExpectedHeaders.Where(h => VectorRequests.IsContentType(h.Key)));
        Assert.True(SdkHmacSha256.TryParseDate(vector.Date, out var now));

        VectorRequests.Credential(vector).Authenticate(request, VectorRequests.Body(vector), vector.ProjectId!, now);

        foreach (var (name, value) in vector.ExpectedHeaders)
        {
            var sent = name switch
            {
                "host" => WireHeaders.Host(request),
                _ when VectorRequests.IsContentType(name) => string.Join(", ", request.Content!.Headers.NonValidated[name]),
                _ => string.Join(", ", request.Headers.NonValidated[name]),
            };
            Assert.Equal(value, sent);
        }
        Assert.Equal(vector.Authorization, Assert.Single(request.Headers.GetValues("Authorization")));
    }
}
