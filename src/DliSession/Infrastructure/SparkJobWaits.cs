using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Errors;
using DliSession.Client.Models;
using DliSession.Client.Waiting;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// Waits for several Spark jobs at once, each with its own progress bar, and writes each job as it reaches a wanted
/// state; a job that dies is the error <c>DliSparkJobFailed</c> with its last log lines. Used by Wait-DliSparkJob
/// and Submit-DliSparkJob -Wait; everything it writes goes through the pump to the pipeline thread.
/// </summary>
internal sealed class SparkJobWaits(Cmdlet cmdlet, PipelinePump pump, string[] states, TimeSpan timeout, TimeSpan pollInterval)
{
    private readonly List<Task> _waits = [];

    /// <summary>Waits until the job has ended, successfully: what a runbook that submits a job wants.</summary>
    public static SparkJobWaits UntilEnded(Cmdlet cmdlet, PipelinePump pump, TimeSpan timeout, TimeSpan pollInterval) =>
        new(cmdlet, pump, [SparkJobStates.Success], timeout, pollInterval);

    public void Add(DliClient client, string jobId, CancellationToken cancellationToken) =>
        _waits.Add(WaitOneAsync(client, jobId, _waits.Count + 1, cancellationToken));

    /// <summary>Blocks the pipeline thread until every wait has ended.</summary>
    public void WaitAll()
    {
        if (_waits.Count > 0) pump.Wait(Task.WhenAll(_waits));
    }

    private async Task WaitOneAsync(DliClient client, string id, int activityId, CancellationToken cancellationToken)
    {
        var activity = $"Waiting for DLI Spark job {id} to be {string.Join(" or ", states)}";
        try
        {
            var result = await SparkJobWaiter.WaitAsync(client, id, states, timeout, pollInterval,
                (state, elapsed) => pump.Post(() => cmdlet.WriteProgress(Progress(activityId, activity, state, elapsed))),
                TimeProvider.System, cancellationToken).ConfigureAwait(false);
            var job = await client.GetSparkJobAsync(id, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == WaitOutcome.Reached)
            {
                pump.Post(() => cmdlet.WriteObject(job));
                return;
            }
            var error = result.Outcome == WaitOutcome.Terminal && SparkJobStates.Is(result.State, SparkJobStates.Dead)
                ? ErrorRecords.From(await SparkJobWaiter.FailureAsync(client, job, cancellationToken).ConfigureAwait(false), job)
                : NotReached(job, result);
            pump.Post(() => cmdlet.WriteError(error));
        }
        catch (DliException ex)
        {
            pump.Post(() => cmdlet.WriteError(ErrorRecords.From(ex, id)));
        }
        finally
        {
            pump.Post(() => cmdlet.WriteProgress(new ProgressRecord(activityId, activity, "done") { RecordType = ProgressRecordType.Completed }));
        }
    }

    private ProgressRecord Progress(int activityId, string activity, string state, TimeSpan elapsed) => new(activityId, activity,
        $"state: {state}, {elapsed.TotalSeconds:0} s of {timeout.TotalSeconds:0} s")
    {
        PercentComplete = (int)Math.Min(99, 100 * elapsed.TotalSeconds / Math.Max(1, timeout.TotalSeconds)),
        SecondsRemaining = (int)Math.Max(0, (timeout - elapsed).TotalSeconds),
    };

    /// <summary>A job still going when time ran out, or one that succeeded while other states were wanted.</summary>
    private ErrorRecord NotReached(SparkJob job, WaitResult result)
    {
        var wanted = string.Join(" or ", states);
        var (errorId, category, message) = result.Outcome == WaitOutcome.TimedOut
            ? ("DliWaitTimeout", ErrorCategory.OperationTimeout,
                $"Spark job {job.Id} was still {result.State} after {timeout.TotalSeconds:0} s, not {wanted}.")
            : ("DliSparkJobEnded", ErrorCategory.InvalidResult,
                $"Spark job {job.Id} is {result.State}: it has ended, so it will not become {wanted}.");
        return new ErrorRecord(new InvalidOperationException(message), errorId, category, job);
    }
}
