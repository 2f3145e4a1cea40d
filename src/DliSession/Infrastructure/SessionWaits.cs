using System.Collections.Concurrent;
using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Errors;
using DliSession.Client.Models;
using DliSession.Client.Waiting;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// Waits for several sessions at once, each with its own progress bar, and writes each session as it reaches a
/// wanted state, or an error with its last log lines when it ends otherwise or time runs out. Used by
/// Wait-DliSession and New-DliSession -Wait; everything it writes goes through the pump to the pipeline thread.
/// </summary>
internal sealed class SessionWaits(Cmdlet cmdlet, PipelinePump pump, string[] states, TimeSpan timeout, TimeSpan pollInterval)
{
    private const int LogLinesInError = 10;
    private readonly List<Task> _waits = [];
    private readonly List<(string Id, string? Name)> _sessions = [];
    private readonly ConcurrentDictionary<string, bool> _ended = new(StringComparer.Ordinal);

    public void Add(DliClient client, string sessionId, CancellationToken cancellationToken) => Add(client, sessionId, null, cancellationToken);

    /// <summary>A session whose name is known, so its progress bar shows it.</summary>
    public void Add(DliClient client, SparkSession session, CancellationToken cancellationToken) =>
        Add(client, session.Id, session.Name, cancellationToken);

    /// <summary>The sessions whose wait had not ended (reached, failed or timed out) when it was stopped.</summary>
    public IEnumerable<(string Id, string? Name)> Unfinished => _sessions.Where(s => !_ended.ContainsKey(s.Id));

    private void Add(DliClient client, string sessionId, string? name, CancellationToken cancellationToken)
    {
        _sessions.Add((sessionId, name));
        _waits.Add(WaitOneAsync(client, sessionId, SessionLabel.Of(sessionId, name), _waits.Count + 1, cancellationToken));
    }

    /// <summary>Blocks the pipeline thread until every wait has ended.</summary>
    public void WaitAll()
    {
        if (_waits.Count > 0) pump.Wait(Task.WhenAll(_waits));
    }

    private async Task WaitOneAsync(DliClient client, string id, string label, int activityId, CancellationToken cancellationToken)
    {
        var activity = $"Waiting for {label} to be {string.Join(" or ", states)}";
        try
        {
            var result = await SessionWaiter.WaitAsync(client, id, states, timeout, pollInterval,
                (state, elapsed) => pump.Post(() => cmdlet.WriteProgress(Progress(activityId, activity, state, elapsed))),
                TimeProvider.System, cancellationToken).ConfigureAwait(false);
            _ended[id] = true;
            if (result.Outcome == WaitOutcome.Reached)
            {
                var session = await client.GetSessionAsync(id, cancellationToken).ConfigureAwait(false);
                pump.Post(() => cmdlet.WriteObject(session));
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

    /// <summary>The error for a session that ended or did not get there in time, with its last log lines: the first thing anyone asks for.</summary>
    private async Task<ErrorRecord> DescribeFailureAsync(DliClient client, string id, WaitResult result, CancellationToken cancellationToken)
    {
        object target = id;
        string tail;
        try
        {
            target = await client.GetSessionAsync(id, cancellationToken).ConfigureAwait(false);
            var log = await client.GetSessionLogAsync(id, from: null, size: LogLinesInError, cancellationToken).ConfigureAwait(false);
            tail = string.Join(Environment.NewLine, log.Lines.Select(l => "  " + l.Trim()).Where(l => l.Trim().Length > 0));
        }
        catch (DliException ex)
        {
            tail = $"  (the log could not be read: {ex.Message})";
        }
        var wanted = string.Join(" or ", states);
        var (errorId, category, what) = result.Outcome == WaitOutcome.TimedOut
            ? ("DliWaitTimeout", ErrorCategory.OperationTimeout,
                $"Session {id} was still {result.State} after {timeout.TotalSeconds:0} s, not {wanted}.")
            : ("DliSessionEnded", ErrorCategory.InvalidResult,
                $"Session {id} is {result.State}, a state it never leaves, so it will not become {wanted}.");
        var message = tail.Length == 0 ? what : $"{what} Its last log lines:{Environment.NewLine}{tail}";
        return new ErrorRecord(new InvalidOperationException(message), errorId, category, target);
    }
}
