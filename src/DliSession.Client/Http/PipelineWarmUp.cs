using System.Net;
using System.Text;
using DliSession.Client.Auth;
using DliSession.Client.Models;

namespace DliSession.Client.Http;

/// <summary>
/// The one-time work of a process's first call, done ahead of need: building the shared pipeline (dependency
/// injection, the handler chain) and compiling the code of a call by reading one session through the same handlers
/// over an in-memory transport. Nothing is sent anywhere, no secret is involved and nothing is logged.
/// </summary>
public static class PipelineWarmUp
{
    // What a GET of a session returns, so the answer's reading and mapping compile as a real one does.
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("""
        {"id":"warm-up","appId":null,"name":"warm-up","owner":"warm-up","proxyUser":"warm-up","kind":"spark","state":"idle",
         "log":[],"appInfo":{},"sc_type":"A","cluster_name":"warm-up","queue":"warm-up","create_time":0,"update_time":0}
        """);

    /// <summary>Builds the shared pipeline, then reads a session in memory; returns that session.</summary>
    public static SparkSession Run()
    {
        _ = DliHttp.Client;
        var context = new DliContext(new Uri("https://dli.warm-up.invalid"), "warm-up", new TokenCredential(SecureStrings.FromString("warm-up")));
        var client = new DliClient(context, null, DliHttp.Create(TimeProvider.System, () => new InMemoryTransport()))
        {
            SendOnCallingThread = true,
        };
        return client.GetSessionAsync("warm-up", CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Answers every request with <see cref="Answer"/>, on the calling thread.</summary>
    private sealed class InMemoryTransport : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            new(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new ByteArrayContent(Answer) { Headers = { ContentType = new("application/json") } },
            };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
