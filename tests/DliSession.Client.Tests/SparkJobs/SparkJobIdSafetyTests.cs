using System.Net;
using System.Text;
using DliSession.Client.Auth;
using DliSession.Client.Errors;
using DliSession.Client.Models;
using DliSession.Client.Paging;
using DliSession.Client.Safety;

namespace DliSession.Client.Tests.SparkJobs;

/// <summary>
/// Spark job ids go into request paths, so they get the session ids' rule: refused when typed (<c>SparkJobPath</c>)
/// and refused when a server sends them, before any later request could carry them.
/// </summary>
public sealed class SparkJobIdSafetyTests
{
    private static readonly DliContext Context =
        new(new Uri("https://dli.example.com/"), "p1", new TokenCredential(SecureStrings.FromString("t")));

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("%2e%2e")]
    [InlineData("a/b")]
    public async Task A_job_id_that_would_change_the_path_is_refused_by_name_before_sending(string id)
    {
        var server = new CannedServer("{}");
        var client = new DliClient(Context, http: new HttpClient(server));

        foreach (var call in new Func<Task>[]
                 {
                     () => client.GetSparkJobAsync(id, default), () => client.GetSparkJobStateAsync(id, default),
                     () => client.CancelSparkJobAsync(id, default),
                 })
        {
            var refused = await Assert.ThrowsAsync<DliException>(call);
            Assert.Equal(PathSegment.ErrorId, refused.ErrorId);
            Assert.StartsWith("The Spark job id ", refused.Message);
        }
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_listed_job_whose_id_is_a_dot_segment_is_refused_when_read()
    {
        var server = new CannedServer("""{"from":0,"total":2,"sessions":[{"id":".","state":"running"},{"id":"..","state":"running"}]}""");
        var client = new DliClient(Context, http: new HttpClient(server));

        var refused = await Assert.ThrowsAsync<DliResponseException>(() =>
            client.ListSparkJobsPageAsync(new SparkJobListQuery(), 0, 10, default));

        Assert.Equal(DliResponseException.WrongShape, refused.ErrorId);
        Assert.Contains("cannot be used in a request URL", refused.Message);
        Assert.Equal(["GET /v2.0/p1/batches"], server.Requests);
    }

    [Fact]
    public async Task A_job_read_by_id_whose_answer_holds_a_dot_segment_id_is_refused()
    {
        var server = new CannedServer("""{"id":"..","state":"running"}""");
        var client = new DliClient(Context, http: new HttpClient(server));

        var refused = await Assert.ThrowsAsync<DliResponseException>(() => client.GetSparkJobAsync("j1", default));

        Assert.Equal(DliResponseException.WrongShape, refused.ErrorId);
        Assert.Contains("'..' cannot be used in a request URL", refused.Message);
        Assert.Equal(["GET /v2.0/p1/batches/j1"], server.Requests);
    }

    /// <summary>Answers every request with one JSON body and records each request's method and path.</summary>
    private sealed class CannedServer(string json) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            });
        }
    }
}
