using System.Diagnostics;
using DliSession.Client.Models;
using DliSession.Client.Tests.Support;
using DliSession.Client.Waiting;

namespace DliSession.Client.Tests.Waiting;

/// <summary>
/// Waits end to end against the emulator on the real clock: what a session wait polls, a statement's result, and a
/// wait whose service stops answering (its timeout bounds the HTTP attempts too). The loop's timing is in PollerTests.
/// </summary>
public sealed class WaiterTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private static Task<WaitResult<string>> WaitForSessionAsync(DliClient client, string id, string state, TimeSpan timeout,
        List<string>? seen = null, CancellationToken cancellationToken = default) =>
        Poller.WaitAsync(cancel => client.GetSessionStateAsync(id, cancel), Poller.States([state], SessionStates.IsTerminal),
            timeout, Poll, TimeProvider.System, seen is null ? null : (s, _) => seen.Add(s), initial: null, cancellationToken);

    [Fact]
    public async Task A_session_wait_ends_when_the_state_is_reached_and_polls_only_the_sessions_own_url()
    {
        // Long enough that the first poll, with a cold pipeline on a loaded machine, still sees it starting.
        await using var emulator = await EmulatorHost.StartAsync("--idle-delay-ms", "2000");
        var id = (await emulator.CreateSessionsAsync(1))[0];
        await emulator.ClearJournalAsync();
        var seen = new List<string>();

        var result = await WaitForSessionAsync(emulator.Client(), id, SessionStates.Idle, TimeSpan.FromSeconds(10), seen);

        Assert.Equal(new WaitResult<string>(WaitOutcome.Reached, SessionStates.Idle), result);
        Assert.Equal(SessionStates.Starting, seen[0]);
        Assert.Equal(SessionStates.Idle, seen[^1]);
        var paths = (await emulator.JournalAsync()).Select(e => (string)e!["path"]!).ToArray();
        Assert.Equal(seen.Count, paths.Length);
        Assert.All(paths, path => Assert.Equal($"/v2.0/{EmulatorHost.ProjectId}/sessions/{id}/state", path));
    }

    [Fact]
    public async Task A_session_wait_ends_at_a_terminal_state_instead_of_waiting_out_the_timeout()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var id = (await emulator.CreateSessionsAsync(1))[0];
        await emulator.SetStateAsync(id, SessionStates.Dead);

        var result = await WaitForSessionAsync(emulator.Client(), id, SessionStates.Busy, TimeSpan.FromMinutes(5));

        Assert.Equal(new WaitResult<string>(WaitOutcome.Terminal, SessionStates.Dead), result);
    }

    [Fact]
    public async Task A_wait_whose_service_stops_answering_ends_when_its_own_timeout_is_up_not_when_the_attempts_run_out()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var id = (await emulator.CreateSessionsAsync(1))[0];
        await emulator.AddFaultAsync(new { method = "GET", path = "/v2.0/*/sessions/*/state", count = 100, status = 200, delayMs = 600_000 });
        // The defaults: 4 attempts of 30 s each, two minutes in all without the wait's own bound.
        var client = emulator.Client(DliHttpSettings.Default);
        var clock = Stopwatch.StartNew();

        var result = await WaitForSessionAsync(client, id, SessionStates.Busy, TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(new WaitResult<string>(WaitOutcome.TimedOut, null), result);
        // The timer may fire a few milliseconds before the stopwatch reads a full second.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_cancelled_session_wait_returns_within_a_second()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var id = (await emulator.CreateSessionsAsync(1))[0];
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Poller.WaitAsync(cancel => emulator.Client().GetSessionStateAsync(id, cancel),
            Poller.States([SessionStates.Busy], SessionStates.IsTerminal), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30),
            TimeProvider.System, null, initial: null, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_statement_wait_returns_the_finished_statement_with_its_output()
    {
        await using var emulator = await EmulatorHost.StartAsync("--statement-ms", "300");
        var client = emulator.Client();
        var id = (await emulator.CreateSessionsAsync(1))[0];
        var submitted = await client.CreateStatementAsync(id, "val a = 1", default);
        var progress = new List<double>();

        var result = await Poller.WaitAsync(cancel => client.GetStatementAsync(id, submitted.Id, cancel),
            s => s.IsFinished ? WaitOutcome.Reached : null, TimeSpan.FromSeconds(10), Poll, TimeProvider.System,
            (s, _) => progress.Add(s.Progress), submitted, default);

        Assert.Equal(WaitOutcome.Reached, result.Outcome);
        Assert.Equal(StatementStates.Available, result.Last!.State);
        Assert.Equal("ok", result.Last.Output?.Status);
        Assert.Equal(0, progress[0]);
        Assert.Equal(1, progress[^1]);
    }
}
