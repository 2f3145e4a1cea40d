using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace DliSession.Client.Tests.Support;

/// <summary>
/// A fake clock that tells when code under test starts a timer. <c>Task.Delay</c> on a TimeProvider resumes its awaiter
/// on the thread pool, so a test must not move the clock on before the next timer exists; waiting for it here
/// (instead of sleeping) keeps the tests exact on a loaded machine.
/// </summary>
public sealed class SteppingClock : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Told only once it exists: a test that moved the clock before the timer was made would start it late, never to fire.
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer started (one already started and not yet taken counts).</summary>
    public Task<TimeSpan> NextTimerAsync() => _timers.Reader.ReadAsync().AsTask();

    /// <summary>
    /// Runs <paramref name="work"/> to its end by moving the clock to each timer it starts, as soon as it starts it.
    /// Timers already taken with <see cref="NextTimerAsync"/> (a deadline set at the start) are not moved to.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> work, int maxTimers = 1000)
    {
        for (var i = 0; i < maxTimers; i++)
        {
            var timer = NextTimerAsync();
            var first = await Task.WhenAny(work, timer).WaitAsync(TimeSpan.FromSeconds(30));
            if (first == work) return await work;
            Advance(await timer);
        }
        throw new InvalidOperationException($"Still running after {maxTimers} timers.");
    }
}
