using DliSession.Client.Waiting;
using DliSession.Client.Tests.Support;

namespace DliSession.Client.Tests.Waiting;

/// <summary>
/// The one wait loop on a fake clock: when it reads, what ends it, and that its timeout bounds reads that never
/// answer. Everything here is exact, because no real time passes.
/// </summary>
public sealed class PollerTests
{
    private static readonly TimeSpan Steady = TimeSpan.FromSeconds(2);
    private readonly SteppingClock _clock = new();
    private readonly List<TimeSpan> _reads = [];
    private readonly DateTimeOffset _start;

    public PollerTests() => _start = _clock.GetUtcNow();

    /// <summary>A read that notes when it happened and answers the next of <paramref name="states"/> (the last one from then on).</summary>
    private Func<CancellationToken, Task<string>> Reading(params string[] states) => _ =>
    {
        _reads.Add(_clock.GetUtcNow() - _start);
        return Task.FromResult(states[Math.Min(_reads.Count, states.Length) - 1]);
    };

    /// <summary>Starts a wait; the timer of its deadline is taken, so that <see cref="SteppingClock.RunAsync{T}"/> moves only to its pauses.</summary>
    private async Task<Task<WaitResult<string>>> StartAsync(Func<CancellationToken, Task<string>> read, TimeSpan timeout,
        string? initial = null, CancellationToken cancellationToken = default)
    {
        var wait = Poller.WaitAsync(read, Poller.States(["idle"], state => state == "dead"), timeout, Steady, _clock, null, initial,
            cancellationToken);
        Assert.Equal(timeout, await _clock.NextTimerAsync());
        return wait;
    }

    private static TimeSpan[] Seconds(params double[] values) => [.. values.Select(TimeSpan.FromSeconds)];

    [Fact]
    public async Task Reads_at_once_then_after_pauses_that_double_up_to_the_steady_interval_until_the_state_is_reached()
    {
        var result = await _clock.RunAsync(await StartAsync(Reading("starting", "starting", "starting", "starting", "starting", "IDLE"),
            TimeSpan.FromMinutes(1)));

        Assert.Equal(new WaitResult<string>(WaitOutcome.Reached, "IDLE"), result);
        Assert.Equal(Seconds(0, 0.25, 0.75, 1.75, 3.75, 5.75), _reads);
    }

    [Fact]
    public async Task A_terminal_state_ends_the_wait_at_the_first_read()
    {
        var result = await await StartAsync(Reading("dead"), TimeSpan.FromMinutes(1));

        Assert.Equal(new WaitResult<string>(WaitOutcome.Terminal, "dead"), result);
        Assert.Equal(Seconds(0), _reads);
    }

    [Fact]
    public async Task Time_running_out_ends_the_wait_with_the_last_state_read_and_no_read_at_the_deadline()
    {
        var result = await _clock.RunAsync(await StartAsync(Reading("starting"), TimeSpan.FromSeconds(3)));

        Assert.Equal(new WaitResult<string>(WaitOutcome.TimedOut, "starting"), result);
        Assert.Equal(Seconds(0, 0.25, 0.75, 1.75), _reads);
        Assert.Equal(TimeSpan.FromSeconds(3), _clock.GetUtcNow() - _start);
    }

    [Fact]
    public async Task A_value_in_hand_is_judged_first_and_the_first_read_waits_a_pause()
    {
        var result = await _clock.RunAsync(await StartAsync(Reading("idle"), TimeSpan.FromMinutes(1), initial: "starting"));

        Assert.Equal(new WaitResult<string>(WaitOutcome.Reached, "idle"), result);
        Assert.Equal(Seconds(0.25), _reads);
    }

    [Fact]
    public async Task A_read_that_never_answers_is_cut_off_when_the_time_is_up_and_the_wait_times_out()
    {
        var answered = 0;
        Task<string> read(CancellationToken cancel) =>
            answered++ == 0 ? Task.FromResult("starting") : Task.Delay(Timeout.Infinite, cancel).ContinueWith(_ => "never", cancel);
        var wait = await StartAsync(read, TimeSpan.FromSeconds(3));

        _clock.Advance(TimeSpan.FromSeconds(2.99));
        Assert.False(wait.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.01));
        var result = await wait.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new WaitResult<string>(WaitOutcome.TimedOut, "starting"), result);
    }

    [Fact]
    public async Task A_first_read_that_never_answers_times_out_with_no_state()
    {
        var wait = await StartAsync(cancel => Task.Delay(Timeout.Infinite, cancel).ContinueWith(_ => "never", cancel), TimeSpan.FromSeconds(3));

        _clock.Advance(TimeSpan.FromSeconds(3));
        var result = await wait.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new WaitResult<string>(WaitOutcome.TimedOut, null), result);
    }

    [Fact]
    public async Task Cancelling_the_wait_throws_instead_of_reporting_a_timeout()
    {
        using var cancel = new CancellationTokenSource();
        var wait = await StartAsync(Reading("starting"), TimeSpan.FromMinutes(1), cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(Seconds(0), _reads);
    }
}
