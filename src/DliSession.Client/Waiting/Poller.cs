namespace DliSession.Client.Waiting;

/// <summary>
/// The one wait loop of the module (sessions, statements, Spark jobs): read, judge, pause as <see cref="PollSchedule"/>
/// says, read again. The timeout bounds the whole wait, the reads and their retries included: a service that does
/// not answer ends the wait when the time is up, as <see cref="WaitOutcome.TimedOut"/>, not when its attempts run out.
/// </summary>
public static class Poller
{
    /// <param name="read">Reads the current value (a state, a statement).</param>
    /// <param name="judge">Says whether a value ends the wait (<see cref="WaitOutcome.Reached"/> or <see cref="WaitOutcome.Terminal"/>) or not (null).</param>
    /// <param name="timeout">How long the whole wait may take.</param>
    /// <param name="interval">The steady pause between reads (see <see cref="PollSchedule"/>).</param>
    /// <param name="clock">The clock for the timeout and the pauses.</param>
    /// <param name="onRead">Told every value and the time elapsed, for progress; called on the reading thread.</param>
    /// <param name="initial">A value already in hand (a statement just submitted): judged first, so the first read waits a pause.</param>
    /// <param name="cancellationToken">Stops the wait (Ctrl+C); it then throws.</param>
    public static async Task<WaitResult<T>> WaitAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, WaitOutcome?> judge,
        TimeSpan timeout, TimeSpan interval, TimeProvider clock, Action<T, TimeSpan>? onRead, T? initial,
        CancellationToken cancellationToken) where T : class
    {
        var started = clock.GetTimestamp();
        var schedule = new PollSchedule(interval);
        using var deadline = new CancellationTokenSource(timeout, clock);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var last = initial;
        try
        {
            if (last is null) last = await read(bounded.Token).ConfigureAwait(false);
            while (true)
            {
                var elapsed = clock.GetElapsedTime(started);
                onRead?.Invoke(last, elapsed);
                if (judge(last) is { } outcome) return new WaitResult<T>(outcome, last);
                var left = timeout - elapsed;
                if (left <= TimeSpan.Zero) return new WaitResult<T>(WaitOutcome.TimedOut, last);
                var pause = schedule.Next();
                if (pause >= left)
                {
                    // No read at the deadline itself: its answer would come after the time is up.
                    await Task.Delay(left, clock, bounded.Token).ConfigureAwait(false);
                    return new WaitResult<T>(WaitOutcome.TimedOut, last);
                }
                await Task.Delay(pause, clock, bounded.Token).ConfigureAwait(false);
                last = await read(bounded.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new WaitResult<T>(WaitOutcome.TimedOut, last);
        }
    }

    /// <summary>A judge for state strings: reached in one of <paramref name="wanted"/> (any case), terminal where <paramref name="isTerminal"/> says.</summary>
    public static Func<string, WaitOutcome?> States(IReadOnlyCollection<string> wanted, Func<string, bool> isTerminal) =>
        state => wanted.Contains(state, StringComparer.OrdinalIgnoreCase) ? WaitOutcome.Reached
            : isTerminal(state) ? WaitOutcome.Terminal
            : null;
}
