using DliSession.Client.Http;

namespace DliSession.Client.Tests.Http;

/// <summary>The module's import-time warm-up reads its in-memory session through every handler and the session reader.</summary>
public sealed class PipelineWarmUpTests
{
    [Fact]
    public void Reads_its_session_through_the_whole_pipeline()
    {
        var session = PipelineWarmUp.Run();

        Assert.Equal("warm-up", session.Id);
        Assert.Equal("idle", session.State);
        Assert.Equal("https://dli.warm-up.invalid/", session.Context.Endpoint.AbsoluteUri);
    }
}
