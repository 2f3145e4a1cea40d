using DliSession.Client.Models;
using DliSession.Client.Tests.Support;
using DliSession.Client.Waiting;

namespace DliSession.Client.Tests.Waiting;

/// <summary>The session and statement waits against the emulator: what ends them, what they poll, and cancellation.</summary>
public sealed class WaiterTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task A_session_wait_ends_when_the_state_is_reached_and_polls_only_the_sessions_own_url()
    {
        // Long enough that the first poll, with a cold pipeline on a loaded machine, still sees it starting.
        await using var emulator = await EmulatorHost.StartAsync("--idle-delay-ms", "2000");
        var id = (await emulator.CreateSessionsAsync(1))[0];
        await emulator.ClearJournalAsync();
        var seen = new List<string>();

        var result = await SessionWaiter.WaitAsync(emulator.Client(), id, [SessionStates.Idle], TimeSpan.FromSeconds(10), Poll,
            (state, _) => seen.Add(state), TimeProvider.System, default);

        Assert.Equal(new WaitResult(WaitOutcome.Reached, SessionStates.Idle), result);
        Assert.Equal(SessionStates.Starting, seen[0]);
        Assert.Equal(SessionStates.Idle, seen[^1]);
        Assert.All(await emulator.JournalAsync(), e => Assert.Equal($"/v2.0/{EmulatorHost.ProjectId}/sessions/{id}/state", (string)e!["path"]!));
    }

    [Fact]
    public async Task A_session_wait_ends_at_a_terminal_state_instead_of_waiting_out_the_timeout()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var id = (await emulator.CreateSessionsAsync(1))[0];
        await emulator.SetStateAsync(id, SessionStates.Dead);

        var result = await SessionWaiter.WaitAsync(emulator.Client(), id, [SessionStates.Busy], TimeSpan.FromMinutes(5), Poll,
            null, TimeProvider.System, default);

        Assert.Equal(new WaitResult(WaitOutcome.Terminal, SessionStates.Dead), result);
    }

    [Fact]
    public async Task A_session_wait_times_out_with_the_last_state_seen()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var id = (await emulator.CreateSessionsAsync(1))[0];

        var result = await SessionWaiter.WaitAsync(emulator.Client(), id, [SessionStates.Busy], TimeSpan.FromMilliseconds(300), Poll,
            null, TimeProvider.System, default);

        Assert.Equal(new WaitResult(WaitOutcome.TimedOut, SessionStates.Idle), result);
    }

    [Fact]
    public async Task A_cancelled_session_wait_returns_within_a_second()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var id = (await emulator.CreateSessionsAsync(1))[0];
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SessionWaiter.WaitAsync(emulator.Client(), id,
            [SessionStates.Busy], TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), null, TimeProvider.System, cancel.Token));

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

        var (finished, timedOut) = await StatementWaiter.WaitAsync(client, submitted, TimeSpan.FromSeconds(10), Poll,
            (s, _) => progress.Add(s.Progress), TimeProvider.System, default);

        Assert.False(timedOut);
        Assert.Equal(StatementStates.Available, finished.State);
        Assert.Equal("ok", finished.Output?.Status);
        Assert.Equal(0, progress[0]);
        Assert.Equal(1, progress[^1]);
    }

    [Fact]
    public async Task A_statement_wait_times_out_with_the_statement_still_running()
    {
        await using var emulator = await EmulatorHost.StartAsync("--statement-ms", "5000");
        var client = emulator.Client();
        var id = (await emulator.CreateSessionsAsync(1))[0];
        var submitted = await client.CreateStatementAsync(id, "val a = 1", default);

        var (last, timedOut) = await StatementWaiter.WaitAsync(client, submitted, TimeSpan.FromMilliseconds(300), Poll,
            null, TimeProvider.System, default);

        Assert.True(timedOut);
        Assert.False(last.IsFinished);
    }
}
