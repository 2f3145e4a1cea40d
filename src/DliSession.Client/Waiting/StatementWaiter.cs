using DliSession.Client.Models;

namespace DliSession.Client.Waiting;

/// <summary>Polls a statement until it is finished (available, error or cancelled) or time runs out.</summary>
public static class StatementWaiter
{
    /// <summary>The finished statement, or the last one seen and <c>TimedOut</c> set.</summary>
    public static async Task<(SparkStatement Statement, bool TimedOut)> WaitAsync(DliClient client, SparkStatement statement,
        TimeSpan timeout, TimeSpan pollInterval, Action<SparkStatement, TimeSpan>? onProgress, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var schedule = new PollSchedule(pollInterval);
        var current = statement;
        while (true)
        {
            var elapsed = clock.GetElapsedTime(started);
            onProgress?.Invoke(current, elapsed);
            if (current.IsFinished) return (current, false);
            var left = timeout - elapsed;
            if (left <= TimeSpan.Zero) return (current, true);
            var pause = schedule.Next();
            await Task.Delay(pause < left ? pause : left, clock, cancellationToken).ConfigureAwait(false);
            current = await client.GetStatementAsync(current.SessionId, current.Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
