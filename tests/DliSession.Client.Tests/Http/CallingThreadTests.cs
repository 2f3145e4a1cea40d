using System.Diagnostics;
using DliSession.Client.Errors;
using DliSession.Client.Http;
using DliSession.Client.Models;
using DliSession.Client.Tests.Support;

namespace DliSession.Client.Tests.Http;

/// <summary>
/// A client made with <see cref="DliClient.SendOnCallingThread"/> does its exchange on the caller's thread (so its call
/// returns a finished task), yet keeps everything the asynchronous path guarantees: the attempt's timeout, the caller's
/// cancellation, bodies that take several reads, the size limit. Over a real loopback socket.
/// </summary>
public sealed class CallingThreadTests : OneSessionTests
{
    private const string SessionGlob = "/v2.0/*/sessions/*";

    private DliClient Blocking(DliHttpSettings? http = null) =>
        new(Emulator.Context(http), null, DliHttp.Create(TimeProvider.System, primary: null)) { SendOnCallingThread = true };

    [Fact]
    public async Task A_call_returns_its_answer_already_in()
    {
        var call = Blocking().GetSessionAsync(SessionId, default);

        Assert.True(call.IsCompletedSuccessfully);
        Assert.Equal(SessionId, (await call).Id);
    }

    [Fact]
    public async Task Without_it_a_slow_answer_leaves_the_caller_free()
    {
        // The list prefetches its next page this way, so the ordinary client must not block its caller.
        await Emulator.AddFaultAsync(new { method = "GET", path = SessionGlob, status = 200, delayMs = 1000 });

        var call = Emulator.Client().GetSessionAsync(SessionId, default);

        Assert.False(call.IsCompleted);
        await Assert.ThrowsAsync<DliResponseException>(() => call);   // the fault's empty body is no session
    }

    [Fact]
    public async Task A_slow_answer_still_times_out_after_every_attempt()
    {
        await Emulator.AddFaultAsync(new { method = "GET", path = SessionGlob, count = 2, status = 200, delayMs = 5000 });
        var settings = EmulatorHost.Fast with { Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2, MaxRetryDelay = TimeSpan.FromMilliseconds(10) };

        var failure = await Assert.ThrowsAsync<DliException>(() => Blocking(settings).GetSessionAsync(SessionId, default));

        Assert.Equal("DliTimeout", failure.ErrorId);
        Assert.Contains("in 2 attempt(s)", failure.Message);
    }

    [Fact]
    public async Task Cancelling_stops_a_call_that_waits_on_the_socket()
    {
        await Emulator.AddFaultAsync(new { method = "GET", path = SessionGlob, status = 200, delayMs = 30_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Blocking().GetSessionAsync(SessionId, cancel.Token));

        // Generous: the point is that it does not sit out the server's 30 s.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_page_of_a_thousand_sessions_arrives_whole()
    {
        await Emulator.CreateSessionsAsync(999);

        var page = await Blocking().ListSessionsPageAsync(SessionListQuery.All, 0, 1000, default);

        Assert.Equal(1000, page.Items.Count);
        Assert.Equal(1000, page.Items.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_body_past_MaxResponseBytes_is_refused()
    {
        await Emulator.AddFaultAsync(new { method = "GET", path = SessionGlob, status = 200, body = "{\"id\":\"", bodyBytes = 200_000 });

        var failure = await Assert.ThrowsAsync<DliResponseException>(() =>
            Blocking(EmulatorHost.Fast with { MaxResponseBytes = 100_000 }).GetSessionAsync(SessionId, default));

        Assert.Equal(DliResponseException.TooLarge, failure.ErrorId);
    }
}
