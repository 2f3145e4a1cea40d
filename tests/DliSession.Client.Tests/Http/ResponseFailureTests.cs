using DliSession.Client.Errors;
using DliSession.Client.Models;
using DliSession.Client.Tests.Support;

namespace DliSession.Client.Tests.Http;

/// <summary>
/// A success status with a body that cannot be a session, and an answer that never completes: each has its own
/// stable ErrorId and a message that names the problem, seen through the whole pipeline over a real socket.
/// </summary>
public sealed class ResponseFailureTests : OneSessionTests
{
    private const string SessionGlob = "/v2.0/*/sessions/*";

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "text/html", DliResponseException.NotJson, "not JSON where a session was expected; it begins: <html><body>502")]
    [InlineData("""{"id":"a","state":"idl""", "application/json", DliResponseException.Truncated, "ends early (22 bytes): the response was cut short")]
    [InlineData("""{"id":"a","state":{"x":1}}""", "application/json", DliResponseException.WrongShape, "The service's JSON is not a session")]
    [InlineData("""{"sessions":[]}""", "application/json", DliResponseException.WrongShape, "it has no id")]
    [InlineData("", "application/json", DliResponseException.Empty, "empty body where a session was expected")]
    public async Task A_200_with_a_body_that_is_no_session_fails_with_its_own_id(string body, string contentType, string errorId, string says)
    {
        await Emulator.AddFaultAsync(new { method = "GET", path = SessionGlob, status = 200, body, contentType });

        var failure = await Assert.ThrowsAsync<DliResponseException>(() => Emulator.Client().GetSessionAsync(SessionId, default));

        Assert.Equal(errorId, failure.ErrorId);
        Assert.Equal(DliErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains(says, failure.Message);
    }

    [Fact]
    public async Task A_body_past_MaxResponseBytes_is_refused_unread()
    {
        await Emulator.AddFaultAsync(new { method = "GET", path = SessionGlob, status = 200, body = "{\"id\":\"", bodyBytes = 200_000 });
        var settings = EmulatorHost.Fast with { MaxResponseBytes = 100_000 };

        var failure = await Assert.ThrowsAsync<DliResponseException>(() => Emulator.Client(settings).GetSessionAsync(SessionId, default));

        Assert.Equal(DliResponseException.TooLarge, failure.ErrorId);
        Assert.Contains("larger than 100000 bytes", failure.Message);
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_fails_as_a_timeout_after_every_attempt()
    {
        await Emulator.AddFaultAsync(new { method = "GET", path = SessionGlob, count = 2, status = 200, delayMs = 5000 });
        var settings = EmulatorHost.Fast with { Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2, MaxRetryDelay = TimeSpan.FromMilliseconds(10) };

        var failure = await Assert.ThrowsAsync<DliException>(() => Emulator.Client(settings).GetSessionAsync(SessionId, default));

        Assert.Equal("DliTimeout", failure.ErrorId);
        Assert.Equal(DliErrorKind.Timeout, failure.Kind);
        Assert.Matches(@"^GET /v2\.0/emulator-project/sessions/\S+ got no complete answer within 0\.3 s in 2 attempt\(s\)\.$", failure.Message);
    }

    [Fact]
    public async Task A_create_that_times_out_is_not_sent_again_because_the_session_may_exist()
    {
        await Emulator.AddFaultAsync(new { method = "POST", path = "/v2.0/*/sessions", count = 4, status = 200, delayMs = 5000 });
        var settings = EmulatorHost.Fast with { Timeout = TimeSpan.FromMilliseconds(300) };

        var failure = await Assert.ThrowsAsync<DliException>(() =>
            Emulator.Client(settings).CreateSessionAsync(new CreateSessionRequest { Queue = "q1" }, default));

        Assert.Equal("DliTimeout", failure.ErrorId);
        Assert.EndsWith("it was not retried, because the service may have acted on it already.", failure.Message);
        // The emulator journals the request once the client has dropped it; a resend would be journaled as well.
        await Task.Delay(500);
        Assert.Single(await Emulator.JournalAsync(), e => (string)e!["method"]! == "POST");
    }
}
