using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CsCheck;
using DliSession.Client.Auth;
using DliSession.Client.Signing;

namespace DliSession.Client.Tests.Signing;

/// <summary>
/// "The body signed is the body sent": requests go through a real HttpClient to a loopback socket, and the signature is
/// recomputed from the bytes and header lines that arrived there.
/// </summary>
public sealed class WireSigningTests : IDisposable
{
    private const string SecretKey = "Wire/Secret+Key=0123456789";
    private const string ProjectId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static readonly DateTimeOffset Now = new(2024, 6, 7, 8, 30, 15, TimeSpan.Zero);
    private static readonly JsonSerializerOptions RawUnicode = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly LoopbackCapture server = new();
    private readonly HttpClient client;

    public WireSigningTests()
    {
        var credential = new AccessKeyCredential("AKWIRE", SecureStrings.FromString(SecretKey), SecureStrings.FromString("wire-token"));
        client = new HttpClient(new SigningHandler(credential, ProjectId, Now));
    }

    public enum JsonContent { PipelineBytes, StringContentUtf8, RawCharsetHeader }

    [Fact]
    public Task Json_posts_verify_from_what_arrived_whatever_the_body_query_and_content_type() =>
        Gen.Select(Gen.String[Gen.Char['\u0001', '\ud7ff'], 0, 40], Gen.Enum<JsonContent>(), Gen.String[Gen.Char['\u0020', '\u00ff'], 0, 8])
            .SampleAsync(async (text, kind, queryValue) =>
            {
                var json = "{\"code\":" + JsonSerializer.Serialize(text, RawUnicode) + "}";
                var uri = new Uri(server.BaseAddress,
                    $"v2.0/{ProjectId}/sessions/s%201/statements?from=0&q={SdkHmacSha256.UriEncode(queryValue)}");

                var arrived = await server.CaptureAsync(() => client.PostAsync(uri, Content(json, kind)));

                Assert.Equal(Encoding.UTF8.GetBytes(json), arrived.Body);
                Assert.Equal(ServerSideSignature.Find(arrived.Headers, "Authorization"),
                    ServerSideSignature.Recompute(arrived, SecretKey).Authorization);
            }, iter: 40, threads: 1); // one loopback listener: concurrent samples would take each other's connections

    [Fact]
    public async Task A_charset_added_by_StringContent_is_sent_and_signed_alike()
    {
        var arrived = await server.CaptureAsync(() =>
            client.PostAsync(new Uri(server.BaseAddress, "v1.0/p/jobs/submit-job"), Content("{\"sql\":\"select '华为'\"}", JsonContent.StringContentUtf8)));

        Assert.Equal("application/json; charset=utf-8", ServerSideSignature.Find(arrived.Headers, "Content-Type"));
        var parts = ServerSideSignature.Recompute(arrived, SecretKey);
        Assert.Contains("\ncontent-type:application/json; charset=utf-8\n", parts.CanonicalRequest);
        Assert.Equal(ServerSideSignature.Find(arrived.Headers, "Authorization"), parts.Authorization);
    }

    [Fact]
    public async Task Project_date_and_security_token_are_sent_and_signed_and_a_Host_override_is_honoured()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "v1.0/p/queues"));
        request.Headers.Host = "dli.cn-north-4.myhuaweicloud.com:8443";

        var arrived = await server.CaptureAsync(() => client.SendAsync(request));

        Assert.Equal("dli.cn-north-4.myhuaweicloud.com:8443", ServerSideSignature.Find(arrived.Headers, "Host"));
        Assert.Equal(ProjectId, ServerSideSignature.Find(arrived.Headers, AccessKeyCredential.ProjectIdHeader));
        Assert.Equal("wire-token", ServerSideSignature.Find(arrived.Headers, AccessKeyCredential.SecurityTokenHeader));
        Assert.Equal("20240607T083015Z", ServerSideSignature.Find(arrived.Headers, SdkHmacSha256.DateHeader));
        Assert.True(SdkHmacSha256.TryParseAuthorization(ServerSideSignature.Find(arrived.Headers, "Authorization"), out _, out var signed, out _));
        Assert.Equal("host;x-project-id;x-sdk-date;x-security-token", signed);
        Assert.Equal(ServerSideSignature.Find(arrived.Headers, "Authorization"), ServerSideSignature.Recompute(arrived, SecretKey).Authorization);
    }

    private static HttpContent Content(string json, JsonContent kind)
    {
        switch (kind)
        {
            case JsonContent.StringContentUtf8:
                return new StringContent(json, Encoding.UTF8, "application/json");
            case JsonContent.RawCharsetHeader:
                var raw = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
                raw.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=UTF-8");
                return raw;
            default:
                var bytes = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
                bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return bytes;
        }
    }

    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
    }

    /// <summary>Stands in for the client pipeline's last step: buffer the body, authenticate, hand over to the socket.</summary>
    private sealed class SigningHandler(DliCredential credential, string projectId, DateTimeOffset now)
        : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            credential.Authenticate(request, body, projectId, now);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
