using DliSession.Client.Auth;
using DliSession.Client.Errors;
using DliSession.Client.Safety;

namespace DliSession.Client.Tests.Security;

/// <summary>Values that would change a request's path are refused in the one place every path is built.</summary>
public sealed class PathSegmentTests
{
    private static readonly DliContext Context =
        new(new Uri("https://dli.example.com/"), "p1", new TokenCredential(SecureStrings.FromString("t")));

    public static TheoryData<string> Unsafe() =>
        ["", " ", ".", "..", "a/b", "a\\b", "%2e%2e", "%2F", "s1?x=1", "s1#x", "s1\r\nX-Evil: 1", "s1\0", "s1\u2028"];

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void An_unsafe_id_is_refused_with_the_modules_error_id(string id)
    {
        var refused = Assert.Throws<DliException>(() => PathSegment.Escape(id, "the session id"));
        Assert.Equal(PathSegment.ErrorId, refused.ErrorId);
        Assert.Equal(DliErrorKind.InvalidArgument, refused.Kind);
        Assert.StartsWith("The session id ", refused.Message);
        Assert.DoesNotContain('\r', refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Theory]
    [InlineData("s1", "s1")]
    [InlineData("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")]
    [InlineData("a b", "a%20b")]
    [InlineData("...", "...")]
    public void A_safe_id_is_escaped_once(string id, string escaped) =>
        Assert.Equal(escaped, PathSegment.Escape(id, "the session id"));

    [Theory]
    [InlineData("sessions/")]
    [InlineData("sessions/.")]
    [InlineData("sessions/..")]
    [InlineData("sessions/%2e%2e/statements")]
    [InlineData("sessions/a%2Fb")]
    [InlineData("sessions//statements")]
    [InlineData("batches/%252e%252e")]
    public void Every_request_path_is_checked_where_the_uri_is_built(string relative)
    {
        var refused = Assert.Throws<DliException>(() => Context.ProjectUri(relative));
        Assert.Equal(PathSegment.ErrorId, refused.ErrorId);
    }

    [Theory]
    [InlineData("sessions", "/v2.0/p1/sessions")]
    [InlineData("sessions?from=0&size=10", "/v2.0/p1/sessions")]
    [InlineData("sessions/s1/statements/3/cancel", "/v2.0/p1/sessions/s1/statements/3/cancel")]
    public void Ordinary_paths_pass(string relative, string path) =>
        Assert.Equal(path, Context.ProjectUri(relative).AbsolutePath);

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("p/1")]
    [InlineData("p1\r\nX-Evil: 1")]
    [InlineData("%2e%2e")]
    public void A_project_id_that_would_change_the_path_or_a_header_is_refused(string projectId) =>
        Assert.Throws<ArgumentException>(() => new DliContext(new Uri("https://dli.example.com/"), projectId, NoCredential.Instance));

    [Fact]
    public async Task A_client_call_with_a_dot_segment_id_fails_before_sending()
    {
        // No HttpClient handler is reachable: the URI is refused while the request is built.
        using var http = new HttpClient(new RefusingHandler());
        var client = new DliClient(Context, http: http);
        var refused = await Assert.ThrowsAsync<DliException>(() => client.DeleteSessionAsync("..", CancellationToken.None));
        Assert.Equal(PathSegment.ErrorId, refused.ErrorId);
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"Sent {request.Method} {request.RequestUri}");
    }
}
