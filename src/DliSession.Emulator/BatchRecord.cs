using DliSession.Emulator.Json;
using DliSession.Emulator.Validation;

namespace DliSession.Emulator;

/// <summary>Which of the three field sets of dli-batch-api §6.1 an answer carries.</summary>
internal enum BatchJobForm
{
    Created,
    Detail,
    ListItem,
}

/// <summary>
/// One Spark batch job. Its life is a timeline of state changes, scheduled when it is submitted (starting, running
/// after the start time, success after the run time) and rewritten from "now" on when the control API makes it fail
/// or forces a state, or when it is cancelled. State, duration and log are derived from the timeline and the clock
/// when read, so 100000 jobs cost no timers. Each run of the driver is an attempt: 0 first, one more per
/// auto_recovery retry; every log line belongs to one, which is what the log's <c>index</c> selects.
/// Everything mutable is guarded by <see cref="_gate"/>.
/// </summary>
internal sealed class BatchRecord
{
    /// <param name="Announce">Whether passing it writes the state's standard log line; changes made by a request
    /// at "now" write their own lines at once instead.</param>
    private readonly record struct Transition(long AtMs, string State, int Attempt, bool Announce);

    private readonly record struct LogEntry(int Attempt, string Line);

    private readonly Lock _gate = new();
    private readonly EmulatorOptions _options;
    private readonly List<Transition> _timeline = [];
    private List<LogEntry>? _log;
    private int _loggedTransitions;

    private BatchRecord(EmulatorOptions options, string id, CreateBatchRequest spec, string owner, long createTimeMs, string appId)
    {
        _options = options;
        Id = id;
        Spec = spec;
        Owner = owner;
        CreateTimeMs = createTimeMs;
        AppId = appId;
    }

    /// <summary>A job submitted now: starting, running after the start time, success after the run time.</summary>
    public static BatchRecord Submitted(EmulatorOptions options, string id, CreateBatchRequest spec, string owner, long createTimeMs,
        string appId)
    {
        var job = new BatchRecord(options, id, spec, owner, createTimeMs, appId);
        job.ScheduleRun(createTimeMs, BatchStates.Starting, 0, announceFirst: true);
        return job;
    }

    /// <summary>A job that ran before the emulator started: running a second after it was submitted, ended
    /// <paramref name="runMs"/> later with <paramref name="endState"/>.</summary>
    public static BatchRecord Finished(EmulatorOptions options, string id, CreateBatchRequest spec, string owner, long createTimeMs,
        string appId, long runMs, string endState)
    {
        var job = new BatchRecord(options, id, spec, owner, createTimeMs, appId);
        job._timeline.AddRange([
            new Transition(createTimeMs, BatchStates.Starting, 0, true),
            new Transition(createTimeMs + 1000, BatchStates.Running, 0, true),
            new Transition(createTimeMs + 1000 + runMs, endState, 0, true)]);
        return job;
    }

    public string Id { get; }
    public CreateBatchRequest Spec { get; }
    public string Owner { get; }
    public long CreateTimeMs { get; }
    public string AppId { get; }

    public string StateAt(long nowMs)
    {
        lock (_gate) return CurrentLocked(nowMs).State;
    }

    public long DurationAt(long nowMs)
    {
        lock (_gate) return DurationLocked(nowMs);
    }

    public BatchJobDto ToDto(BatchJobForm form, long nowMs)
    {
        lock (_gate)
        {
            // The last 10 log lines of §6.1.
            var tail = EmulatedLog.Tail(LogLocked(nowMs), e => e.Line);
            var current = CurrentLocked(nowMs);
            var hasRun = _timeline.Any(t => t.State == BatchStates.Running && t.AtMs <= nowMs);
            var detail = form == BatchJobForm.Detail;
            return new BatchJobDto(Id, current.State, hasRun ? AppId : "", tail, Spec.ScType, Spec.Target, CreateTimeMs,
                Spec.Name, Owner, Owner, "spark", Spec.Target, Spec.Image, current.AtMs,
                Duration: detail ? null : DurationLocked(nowMs),
                ReqBody: form == BatchJobForm.Created ? null : Spec.RequestBody,
                Feature: detail ? Spec.Feature : null,
                SparkVersion: detail ? Spec.SparkVersion : null);
        }
    }

    /// <summary>
    /// Livy's log paging over the whole log, or over one driver's log when <paramref name="driver"/> is given (the
    /// <c>index</c> of §5.2: 0 is the first run, n the n-th retry). A driver that has not run yet is a parameter error.
    /// </summary>
    public BatchLogDto LogPage(int? from, int size, int? driver, long nowMs)
    {
        lock (_gate)
        {
            var attempt = CurrentLocked(nowMs).Attempt;
            if (driver > attempt)
                throw new RequestValidationException(
                    $"index must be from 0 to {attempt}: job {Id} has run {attempt + 1} driver(s) so far.");
            var lines = LogLocked(nowMs).Where(e => driver is null || e.Attempt == driver).Select(e => e.Line).ToList();
            var (start, total, page) = EmulatedLog.Page(lines, from, size);
            return new BatchLogDto(Id, start, total, page);
        }
    }

    /// <summary>Adds lines to the log of the driver running now.</summary>
    public void AppendLog(IEnumerable<string> lines, long nowMs)
    {
        lock (_gate)
        {
            var log = LogLocked(nowMs);
            var attempt = CurrentLocked(nowMs).Attempt;
            log.AddRange(lines.Select(l => new LogEntry(attempt, l)));
        }
    }

    /// <summary>
    /// The driver fails now, for <paramref name="reason"/>, after writing <paramref name="lines"/>. With auto_recovery
    /// and retries left the job is recovering, then runs again as the next attempt; otherwise it is dead. Returns
    /// false, changing nothing, when the job has already ended.
    /// </summary>
    public bool Fail(string reason, IEnumerable<string> lines, long nowMs)
    {
        lock (_gate)
        {
            var log = LogLocked(nowMs);
            var current = CurrentLocked(nowMs);
            if (BatchStates.IsTerminal(current.State)) return false;
            var attempt = current.Attempt;
            log.AddRange(lines.Select(l => new LogEntry(attempt, l)));
            log.Add(new LogEntry(attempt, EmulatedLog.Line(nowMs, $"Spark application {AppId} driver {attempt} failed: {reason}", EmulatedLog.Error)));
            DropFutureLocked();
            if (Spec.AutoRecovery && attempt < Spec.MaxRetryTimes)
            {
                var retry = attempt + 1;
                log.Add(new LogEntry(retry, EmulatedLog.Line(nowMs,
                    $"auto_recovery: retrying job {Id} (retry {retry} of at most {Spec.MaxRetryTimes})", EmulatedLog.Warn)));
                ScheduleRun(nowMs, BatchStates.Recovering, retry, announceFirst: false);
            }
            else
            {
                var why = Spec.AutoRecovery ? $"all {Spec.MaxRetryTimes} retries of auto_recovery are used" : "auto_recovery is off";
                log.Add(new LogEntry(attempt, EmulatedLog.Line(nowMs, $"job {Id} is dead: {why}", EmulatedLog.Error)));
                AddNowLocked(nowMs, BatchStates.Dead, attempt);
            }
            return true;
        }
    }

    /// <summary>Puts the job in <paramref name="state"/> now and keeps it there: nothing further is scheduled.</summary>
    public void ForceState(string state, long nowMs)
    {
        lock (_gate)
        {
            var log = LogLocked(nowMs);
            var attempt = CurrentLocked(nowMs).Attempt;
            log.Add(new LogEntry(attempt, EmulatedLog.Line(nowMs, $"job state forced to {state} by the emulator's control API", EmulatedLog.Warn)));
            DropFutureLocked();
            AddNowLocked(nowMs, state, attempt);
        }
    }

    /// <summary>Cancel: a job that has not ended is dead from now on; an ended one cannot be cancelled (false).</summary>
    public bool Cancel(long nowMs)
    {
        lock (_gate)
        {
            var log = LogLocked(nowMs);
            var current = CurrentLocked(nowMs);
            if (BatchStates.IsTerminal(current.State)) return false;
            log.Add(new LogEntry(current.Attempt, EmulatedLog.Line(nowMs, $"job {Id} was cancelled; it is dead", EmulatedLog.Warn)));
            DropFutureLocked();
            AddNowLocked(nowMs, BatchStates.Dead, current.Attempt);
            return true;
        }
    }

    /// <summary>Schedules a run of a driver: <paramref name="firstState"/> now, running after the start time,
    /// success after the run time.</summary>
    private void ScheduleRun(long fromMs, string firstState, int attempt, bool announceFirst)
    {
        var runningAt = fromMs + _options.BatchStartMs;
        _timeline.Add(new Transition(fromMs, firstState, attempt, announceFirst));
        _timeline.Add(new Transition(runningAt, BatchStates.Running, attempt, true));
        _timeline.Add(new Transition(runningAt + _options.BatchRunMs, BatchStates.Success, attempt, true));
    }

    private void AddNowLocked(long nowMs, string state, int attempt) => _timeline.Add(new Transition(nowMs, state, attempt, false));

    /// <summary>Forgets what was scheduled after now; only called once the log is up to date with now, so exactly
    /// the transitions not yet logged are the future ones.</summary>
    private void DropFutureLocked() => _timeline.RemoveRange(_loggedTransitions, _timeline.Count - _loggedTransitions);

    /// <summary>The latest transition the clock has passed; the first one is at creation, so there always is one.</summary>
    private Transition CurrentLocked(long nowMs)
    {
        for (var i = _timeline.Count - 1; i > 0; i--)
            if (_timeline[i].AtMs <= nowMs) return _timeline[i];
        return _timeline[0];
    }

    /// <summary>Run time: from the first time the job ran until it ended, or until now; 0 if it never ran.</summary>
    private long DurationLocked(long nowMs)
    {
        var firstRun = _timeline.FindIndex(t => t.State == BatchStates.Running && t.AtMs <= nowMs);
        if (firstRun < 0) return 0;
        var current = CurrentLocked(nowMs);
        var end = BatchStates.IsTerminal(current.State) ? current.AtMs : nowMs;
        return Math.Max(0, end - _timeline[firstRun].AtMs);
    }

    /// <summary>The log, first brought up to date with the transitions the clock has passed since the last read.</summary>
    private List<LogEntry> LogLocked(long nowMs)
    {
        _log ??= [];
        while (_loggedTransitions < _timeline.Count && _timeline[_loggedTransitions].AtMs <= nowMs)
        {
            var passed = _timeline[_loggedTransitions++];
            if (passed.Announce) _log.Add(new LogEntry(passed.Attempt, StandardLine(passed)));
        }
        return _log;
    }

    private string StandardLine(Transition passed) => passed.State switch
    {
        BatchStates.Starting => EmulatedLog.Line(passed.AtMs, $"job {Id} submitted to queue {Spec.Target}; waiting for resources"),
        BatchStates.Running => EmulatedLog.Line(passed.AtMs,
            $"Spark application {AppId} driver {passed.Attempt} is running (emulated: no Spark code runs)"),
        BatchStates.Success => EmulatedLog.Line(passed.AtMs, $"Spark application {AppId} finished with final status SUCCEEDED"),
        _ => EmulatedLog.Line(passed.AtMs, $"Spark application {AppId} finished with final status FAILED", EmulatedLog.Error),
    };
}
