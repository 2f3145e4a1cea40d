using DliSession.Client.Errors;
using DliSession.Client.Models;

namespace DliSession.Client.Waiting;

/// <summary>
/// Polls a Spark job's own <c>/state</c> URL until it is in one of the wanted states, has ended (success or dead), or
/// time runs out; and explains a job that died.
/// </summary>
public static class SparkJobWaiter
{
    /// <summary>How many lines of a dead job's log its error carries.</summary>
    public const int LogLinesInFailure = 20;

    public static async Task<WaitResult> WaitAsync(DliClient client, string jobId, IReadOnlyCollection<string> states,
        TimeSpan timeout, TimeSpan pollInterval, Action<string, TimeSpan>? onState, TimeProvider clock, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var schedule = new PollSchedule(pollInterval);
        while (true)
        {
            var state = await client.GetSparkJobStateAsync(jobId, cancellationToken).ConfigureAwait(false);
            var elapsed = clock.GetElapsedTime(started);
            onState?.Invoke(state, elapsed);
            if (states.Contains(state, StringComparer.OrdinalIgnoreCase)) return new WaitResult(WaitOutcome.Reached, state);
            if (SparkJobStates.IsTerminal(state)) return new WaitResult(WaitOutcome.Terminal, state);
            var left = timeout - elapsed;
            if (left <= TimeSpan.Zero) return new WaitResult(WaitOutcome.TimedOut, state);
            var pause = schedule.Next();
            await Task.Delay(pause < left ? pause : left, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The failure of a dead job: the job and the last non-blank lines of its log. A log that cannot be read does not
    /// hide the failure; the error says why the lines are missing.
    /// </summary>
    public static async Task<SparkJobFailedException> FailureAsync(DliClient client, SparkJob job, CancellationToken cancellationToken)
    {
        try
        {
            var log = await client.GetSparkJobLogAsync(job.Id, new SparkJobLogQuery { Size = LogLinesInFailure }, cancellationToken)
                .ConfigureAwait(false);
            return new SparkJobFailedException(job, log.Lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray());
        }
        catch (DliException ex)
        {
            return new SparkJobFailedException(job, [], ex.Message);
        }
    }
}
