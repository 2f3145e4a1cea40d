using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DliSession.Client.Auth;
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

    [Fact]
    public async Task Calls_on_the_calling_thread_keep_connections_of_their_own()
    {
        // A socket that did one asynchronous operation waits for every later answer through .NET's event loop, so the
        // calling-thread sends must never get a connection that a listing's page or a poll has used.
        var http = DliHttp.Create(TimeProvider.System, primary: null);
        var asynchronous = new DliClient(Emulator.Context(), null, http);
        var calling = new DliClient(Emulator.Context(), null, http) { SendOnCallingThread = true };
        var before = await Emulator.ConnectionsAsync();

        for (var i = 0; i < 3; i++)
        {
            await asynchronous.GetSessionAsync(SessionId, default);
            await calling.GetSessionAsync(SessionId, default);
        }

        Assert.Equal(2, await Emulator.ConnectionsAsync() - before);
    }

    [Fact]
    public async Task A_body_that_stalls_halfway_times_out()
    {
        await using var server = await StallingServer.StartAsync();
        var settings = EmulatorHost.Fast with { Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 1 };
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<DliException>(() => server.Client(settings).GetSessionAsync("s1", default));

        Assert.Equal("DliTimeout", failure.ErrorId);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancelling_stops_a_call_whose_body_stalls_halfway()
    {
        await using var server = await StallingServer.StartAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server.Client(EmulatorHost.Fast).GetSessionAsync("s1", cancel.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    /// <summary>A loopback server that answers with a head and the first bytes of a body it promised more of, then says nothing.</summary>
    private sealed class StallingServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _serve;
        private readonly CancellationTokenSource _stop = new();

        private StallingServer(TcpListener listener)
        {
            _listener = listener;
            _serve = ServeAsync();
        }

        public static Task<StallingServer> StartAsync()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return Task.FromResult(new StallingServer(listener));
        }

        public DliClient Client(DliHttpSettings settings) =>
            new(new DliContext(new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/"), "p1",
                new TokenCredential(SecureStrings.FromString("t")), http: settings), null, DliHttp.Create(TimeProvider.System, primary: null))
            {
                SendOnCallingThread = true,
            };

        private async Task ServeAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                head.Append(Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer, _stop.Token)));
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":"u8.ToArray(), _stop.Token);
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try { await _serve; }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException) { }
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
