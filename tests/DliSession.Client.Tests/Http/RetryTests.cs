using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DliSession.Client.Errors;
using DliSession.Client.Http;
using DliSession.Client.Models;
using DliSession.Client.Tests.Support;

namespace DliSession.Client.Tests.Http;

/// <summary>The retry handler over a real socket: which failures are retried, how long it waits, what it tells.</summary>
public sealed class RetryTests : OneSessionTests
{
    private const string SessionGlob = "/v2.0/*/sessions/*";
    private const string CreateGlob = "/v2.0/*/sessions";

    /// <summary>The statuses the emulator journaled for requests of <paramref name="method"/>; 0 is an aborted connection.</summary>
    private async Task AssertStatusesAsync(string method, params int[] expected) =>
        Assert.Equal(expected, (await Emulator.JournalAsync()).Where(e => (string)e!["method"]! == method).Select(e => (int)e!["status"]!));

    [Fact]
    public async Task A_get_answered_503_twice_is_sent_three_times_and_succeeds_with_a_verbose_line_per_retry()
    {
        await Emulator.AddFaultAsync(new { method = "GET", path = SessionGlob, count = 2, status = 503 });
        var log = new RecordingLog();

        var session = await Emulator.Client(log: log).GetSessionAsync(SessionId, default);

        Assert.Equal(SessionId, session.Id);
        await AssertStatusesAsync("GET", 503, 503, 200);
        Assert.Collection(log.Verbose,
            line => Assert.Matches(@"^Retrying GET /v2\.0/emulator-project/sessions/\S+ after 503 ServiceUnavailable: waiting [\d.]+ s \(attempt 2 of 4\)\.$", line),
            line => Assert.EndsWith("(attempt 3 of 4).", line));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_retried_after_exactly_the_time_asked()
    {
        await Emulator.AddFaultAsync(Throttled("2"));
        var clock = new SteppingClock();

        var get = Emulator.Client(clock: clock).GetSessionAsync(SessionId, default);
        var wait = await clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(wait);
        await get.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        await AssertStatusesAsync("GET", 429, 200);
    }

    [Fact]
    public async Task Without_Retry_After_the_waits_double_with_jitter_and_stop_at_the_cap()
    {
        await Emulator.AddFaultAsync(new { method = "GET", path = SessionGlob, count = 3, status = 503 });
        var clock = new SteppingClock();
        var settings = EmulatorHost.Fast with { MaxRetryDelay = TimeSpan.FromMilliseconds(600) };

        var get = Emulator.Client(settings, clock: clock).GetSessionAsync(SessionId, default);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            waits.Add(await clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30)));
            clock.Advance(waits[^1]);
        }
        await get.WaitAsync(TimeSpan.FromSeconds(30));

        // 250 ms, then 500 ms, then 1 s, each cut by up to half at random; the last one capped at 600 ms.
        Assert.InRange(waits[0], TimeSpan.FromMilliseconds(125), TimeSpan.FromMilliseconds(250));
        Assert.InRange(waits[1], TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        Assert.InRange(waits[2], TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(600));
        await AssertStatusesAsync("GET", 503, 503, 503, 200);
    }

    [Fact]
    public async Task A_create_answered_503_is_sent_once_because_the_service_may_have_created_the_session()
    {
        await Emulator.AddFaultAsync(new { method = "POST", path = CreateGlob, status = 503 });

        var failure = await Assert.ThrowsAsync<DliApiException>(() =>
            Emulator.Client().CreateSessionAsync(new CreateSessionRequest { Queue = "q1" }, default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal(DliErrorKind.ServiceUnavailable, failure.Kind);
        await AssertStatusesAsync("POST", 503);
    }

    [Fact]
    public async Task A_create_answered_429_is_retried_because_throttling_means_it_was_not_acted_on()
    {
        await Emulator.AddFaultAsync(new { method = "POST", path = CreateGlob, status = 429 });

        await Emulator.Client().CreateSessionAsync(new CreateSessionRequest { Queue = "q1" }, default);

        await AssertStatusesAsync("POST", 429, 200);
    }

    [Fact]
    public async Task A_get_whose_connection_is_aborted_before_the_answer_is_retried()
    {
        await Emulator.AddFaultAsync(new { method = "GET", path = SessionGlob, abort = true });

        var session = await Emulator.Client().GetSessionAsync(SessionId, default);

        Assert.Equal(SessionId, session.Id);
        await AssertStatusesAsync("GET", 0, 200);
    }

    [Fact]
    public async Task A_create_whose_connection_is_aborted_after_sending_is_not_retried_and_says_why()
    {
        var client = Emulator.Client();
        // A pooled connection first: SocketsHttpHandler must not resend the POST on a fresh one by itself either.
        await client.GetSessionAsync(SessionId, default);
        await Emulator.AddFaultAsync(new { method = "POST", path = CreateGlob, abort = true });

        var failure = await Assert.ThrowsAsync<DliException>(() =>
            client.CreateSessionAsync(new CreateSessionRequest { Queue = "q1" }, default));

        Assert.Equal("DliConnectionFailed", failure.ErrorId);
        Assert.Equal(DliErrorKind.Connection, failure.Kind);
        Assert.Contains("not retried, because the service may have acted on it already", failure.Message);
        await AssertStatusesAsync("POST", 0);
    }

    [Fact]
    public async Task A_create_to_a_port_nobody_listens_on_is_tried_max_attempts_times()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var settings = EmulatorHost.Fast with { MaxAttempts = 3, MaxRetryDelay = TimeSpan.FromMilliseconds(50) };
        var context = new DliContext(new Uri($"http://127.0.0.1:{closedPort}/"), "p", Emulator.Context().Credential, http: settings);
        var log = new RecordingLog();

        var failure = await Assert.ThrowsAsync<DliException>(() =>
            new DliClient(context, log, DliHttp.Create(TimeProvider.System, primary: null))
                .CreateSessionAsync(new CreateSessionRequest { Queue = "q1" }, default));

        Assert.Equal("DliConnectionFailed", failure.ErrorId);
        Assert.Contains($"127.0.0.1:{closedPort}", failure.Message);
        Assert.Equal(2, log.Verbose.Count);
        Assert.EndsWith("(attempt 3 of 3).", log.Verbose.Last());
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_wait_returns_within_a_second()
    {
        await Emulator.AddFaultAsync(Throttled("30"));
        var settings = EmulatorHost.Fast with { MaxRetryDelay = TimeSpan.FromSeconds(30) };
        var log = new RecordingLog();
        using var cancel = new CancellationTokenSource();
        var get = Emulator.Client(settings, log).GetSessionAsync(SessionId, cancel.Token);
        await WaitUntilAsync(() => !log.Verbose.IsEmpty);

        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Contains("waiting 30 s", log.Verbose.Single());
    }

    /// <summary>A 429 on the next session GET; a dictionary because the header's name is no C# identifier.</summary>
    private static Dictionary<string, object> Throttled(string retryAfter) => new()
    {
        ["method"] = "GET", ["path"] = SessionGlob, ["status"] = 429,
        ["headers"] = new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 5000, "the condition did not hold within 5 s");
            await Task.Delay(10);
        }
    }
}
