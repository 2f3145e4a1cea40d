using DliSession.Client.Models;

namespace DliSession.Client.Waiting;

/// <summary>How a wait ended.</summary>
public enum WaitOutcome
{
    Reached,
    Terminal,
    TimedOut,
}

/// <summary>The end of a wait: how it ended and the last state seen.</summary>
public sealed record WaitResult(WaitOutcome Outcome, string State);

/// <summary>
/// Polls a session's own <c>/state</c> URL until it is in one of the wanted states, reaches a state it never leaves,
/// or time runs out. Polling the session's own URL (not the list) is also what keeps its heartbeat alive.
/// </summary>
public static class SessionWaiter
{
    public static async Task<WaitResult> WaitAsync(DliClient client, string sessionId, IReadOnlyCollection<string> states,
        TimeSpan timeout, TimeSpan pollInterval, Action<string, TimeSpan>? onState, TimeProvider clock, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var schedule = new PollSchedule(pollInterval);
        while (true)
        {
            var state = await client.GetSessionStateAsync(sessionId, cancellationToken).ConfigureAwait(false);
            var elapsed = clock.GetElapsedTime(started);
            onState?.Invoke(state, elapsed);
            if (states.Contains(state, StringComparer.OrdinalIgnoreCase)) return new WaitResult(WaitOutcome.Reached, state);
            if (SessionStates.IsTerminal(state)) return new WaitResult(WaitOutcome.Terminal, state);
            var left = timeout - elapsed;
            if (left <= TimeSpan.Zero) return new WaitResult(WaitOutcome.TimedOut, state);
            var pause = schedule.Next();
            await Task.Delay(pause < left ? pause : left, clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
