using System.Collections.Concurrent;
using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Errors;
using DliSession.Client.Models;
using DliSession.Client.Waiting;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// Waits for several resources of one kind at once (sessions, Spark jobs), each with its own progress bar, and
/// writes each resource as it reaches a wanted state, or an error with its last meaningful log lines when it ends
/// otherwise or time runs out. The waiting itself is the core's <see cref="Poller"/>; this only reports, and
/// everything it writes goes through the pump to the pipeline thread.
/// </summary>
internal sealed class ParallelWaits(Cmdlet cmdlet, PipelinePump pump, WaitKind kind, string[] states, TimeSpan timeout,
    TimeSpan pollInterval)
{
    private const int LogLinesInError = 10;

    /// <summary>How long describing a failure may take: a service that stopped answering must not hold the error back.</summary>
    private static readonly TimeSpan DescribeBudget = TimeSpan.FromSeconds(5);

    private readonly List<Task> _waits = [];
    private readonly List<(string Id, string? Name)> _resources = [];
    private readonly ConcurrentDictionary<string, bool> _ended = new(StringComparer.Ordinal);

    /// <summary>Waits for <paramref name="id"/>; a <paramref name="name"/>, when known, is shown in its progress bar.</summary>
    public void Add(DliClient client, string id, CancellationToken cancellationToken, string? name = null)
    {
        _resources.Add((id, name));
        _waits.Add(WaitOneAsync(client, id, ResourceLabel.Of(kind.Noun, id, name), _waits.Count + 1, cancellationToken));
    }

    /// <summary>The resources whose wait had not ended (reached, failed or timed out) when it was stopped.</summary>
    public IEnumerable<(string Id, string? Name)> Unfinished => _resources.Where(r => !_ended.ContainsKey(r.Id));

    /// <summary>Blocks the pipeline thread until every wait has ended.</summary>
    public void WaitAll()
    {
        if (_waits.Count > 0) pump.Wait(Task.WhenAll(_waits));
    }

    private async Task WaitOneAsync(DliClient client, string id, string label, int activityId, CancellationToken cancellationToken)
    {
        var activity = $"Waiting for DLI {label} to be {string.Join(" or ", states)}";
        try
        {
            var result = await Poller.WaitAsync(cancel => kind.ReadState(client, id, cancel), Poller.States(states, kind.IsTerminal),
                timeout, pollInterval, TimeProvider.System,
                (state, elapsed) => pump.Post(() => cmdlet.WriteProgress(Progress(activityId, activity, state, elapsed))),
                initial: null, cancellationToken).ConfigureAwait(false);
            _ended[id] = true;
            if (result.Outcome == WaitOutcome.Reached)
            {
                var resource = await kind.Read(client, id, cancellationToken).ConfigureAwait(false);
                pump.Post(() => cmdlet.WriteObject(resource));
            }
            else
            {
                var error = await DescribeFailureAsync(client, id, result, cancellationToken).ConfigureAwait(false);
                pump.Post(() => cmdlet.WriteError(error));
            }
        }
        catch (DliException ex)
        {
            _ended[id] = true;
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

    /// <summary>
    /// The error for a resource that ended or did not get there in time, with its last log lines: the first thing
    /// anyone asks for. When the service never answered, it is not asked again.
    /// </summary>
    private async Task<ErrorRecord> DescribeFailureAsync(DliClient client, string id, WaitResult<string> result, CancellationToken cancellationToken)
    {
        object target = id;
        var tail = string.Empty;
        IReadOnlyList<string> meaningful = [];
        if (result.Last is not null)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(DescribeBudget);
            try
            {
                target = await kind.Read(client, id, budget.Token).ConfigureAwait(false);
                var lines = await kind.ReadLogTail(client, id, LogTail.LinesToRead, budget.Token).ConfigureAwait(false);
                meaningful = LogTail.Meaningful(lines, LogLinesInError);
                tail = string.Join(Environment.NewLine, meaningful.Select(l => "  " + l));
            }
            catch (DliException ex)
            {
                tail = $"  (the log could not be read: {ex.Message})";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                tail = $"  (the log could not be read within {DescribeBudget.TotalSeconds:0} s)";
            }
        }
        var wanted = string.Join(" or ", states);
        var logLines = tail.Length == 0 ? null : $"Its last log lines:{Environment.NewLine}{tail}";
        var subject = $"{char.ToUpperInvariant(kind.Noun[0])}{kind.Noun[1..]} {id}";
        if (result.Outcome == WaitOutcome.TimedOut)
        {
            var detail = $"It did not become {wanted} in that time." + (logLines is null ? string.Empty : " " + logLines);
            return ErrorRecords.From(new DliWaitTimeoutException(subject, result.Last, timeout, detail), target);
        }
        var what = $"{subject} is {result.Last}, a state it never leaves, so it will not become {wanted}.";
        var message = logLines is null ? what : $"{what} {logLines}";
        var (errorId, error) = kind.Ended(result.Last!, message, meaningful);
        return new ErrorRecord(error, errorId, ErrorCategory.InvalidResult, target);
    }
}
