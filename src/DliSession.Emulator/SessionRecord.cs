using DliSession.Emulator.Json;

namespace DliSession.Emulator;

/// <summary>
/// One session. Its state is derived from timestamps when read (starting until <see cref="IdleAtMs"/>, then idle,
/// busy while a statement is pending), so 100000 sessions cost no timers. Its log is materialized on first read,
/// which keeps pre-created sessions small. Everything mutable is guarded by <see cref="_gate"/>.
/// </summary>
internal sealed class SessionRecord
{
    /// <summary>What DLI's create example shows as the log of a session that is still starting.</summary>
    private static readonly string[] StartingLog = ["stdout: ", "\nstderr: ", "\nYARN Diagnostics: "];

    private readonly Lock _gate = new();
    private readonly EmulatorOptions _options;
    private readonly List<StatementRecord> _statements = [];
    private List<string>? _log;
    private long _loggedUntilMs;
    private long _lastHeartbeatMs;
    private string? _forcedState;
    private long _forcedAtMs;

    public SessionRecord(EmulatorOptions options, string id, string name, string owner, string kind, string scType,
        string target, long createTimeMs, long idleAtMs, string appId, int heartbeatTimeoutSeconds)
    {
        _options = options;
        Id = id;
        Name = name;
        Owner = owner;
        Kind = kind;
        ScType = scType;
        Target = target;
        CreateTimeMs = createTimeMs;
        IdleAtMs = idleAtMs;
        AppId = appId;
        HeartbeatTimeoutMs = heartbeatTimeoutSeconds * 1000L;
        _lastHeartbeatMs = createTimeMs;
        _loggedUntilMs = createTimeMs - 1;
    }

    public string Id { get; }
    public string Name { get; }
    public string Owner { get; }
    public string Kind { get; }
    public string ScType { get; }

    /// <summary>The queue, or the cluster when no queue was given; reported as both cluster_name and queue.</summary>
    public string Target { get; }
    public long CreateTimeMs { get; }
    public long IdleAtMs { get; }
    public string AppId { get; }
    public long HeartbeatTimeoutMs { get; }

    /// <summary>Livy's watchdog rule: a session with a heartbeat timeout that heard nothing for longer is gone.</summary>
    public bool IsExpiredAt(long nowMs) =>
        HeartbeatTimeoutMs > 0 && nowMs - Interlocked.Read(ref _lastHeartbeatMs) > HeartbeatTimeoutMs;

    public void Heartbeat(long nowMs) => Interlocked.Exchange(ref _lastHeartbeatMs, nowMs);

    public string StateAt(long nowMs)
    {
        lock (_gate) return StateAtLocked(nowMs);
    }

    public SessionDto ToDto(long nowMs)
    {
        lock (_gate)
        {
            var tail = EmulatedLog.Tail(LogLocked(nowMs), line => line);
            var appId = nowMs >= IdleAtMs ? AppId : "";
            return new SessionDto(Id, appId, Name, Owner, Owner, Kind, tail, StateAtLocked(nowMs), AppInfoDto.Empty,
                ScType, Target, Target, CreateTimeMs, UpdateTimeLocked(nowMs));
        }
    }

    /// <summary>Livy's log paging: <paramref name="from"/> unset means the last <paramref name="size"/> lines.</summary>
    public SessionLogDto LogPage(int? from, int size, long nowMs)
    {
        lock (_gate)
        {
            var (start, total, lines) = EmulatedLog.Page(LogLocked(nowMs), from, size);
            return new SessionLogDto(Id, start, total, lines);
        }
    }

    public void AppendLog(IEnumerable<string> lines, long nowMs)
    {
        lock (_gate) LogLocked(nowMs).AddRange(lines);
    }

    public void ForceState(string state, long nowMs)
    {
        lock (_gate)
        {
            LogLocked(nowMs).Add(EmulatedLog.Line(nowMs, $"session state forced to {state}"));
            _forcedState = state;
            _forcedAtMs = nowMs;
        }
    }

    /// <summary>Queues a statement, or returns null when the session is not in a state that accepts one.</summary>
    public StatementRecord? TryAddStatement(string code, long nowMs)
    {
        lock (_gate)
        {
            if (!SessionStates.AcceptsStatements(StateAtLocked(nowMs))) return null;
            var statement = new StatementRecord(_statements.Count, code, nowMs);
            var slotFree = _statements.Aggregate(IdleAtMs, (free, s) => s.SlotFreeAfter(free));
            statement.Schedule(Math.Max(nowMs, slotFree), _options);
            _statements.Add(statement);
            LogLocked(nowMs).Add(EmulatedLog.Line(nowMs, $"statement {statement.Id} is waiting"));
            return statement;
        }
    }

    public StatementListDto StatementList(long nowMs)
    {
        lock (_gate) return new StatementListDto(_statements.Count, [.. _statements.Select(s => s.ToDto(nowMs))]);
    }

    public StatementDto? Statement(int statementId, long nowMs)
    {
        lock (_gate) return FindLocked(statementId)?.ToDto(nowMs);
    }

    /// <summary>Cancels a statement and moves the statements queued behind it forward into the freed slot.</summary>
    public bool TryCancelStatement(int statementId, long nowMs)
    {
        lock (_gate)
        {
            var statement = FindLocked(statementId);
            if (statement is null) return false;
            var log = LogLocked(nowMs);
            if (!statement.IsPendingAt(nowMs)) return true;
            statement.Cancel(nowMs);
            log.Add(EmulatedLog.Line(nowMs, $"statement {statement.Id} is cancelled"));
            var free = IdleAtMs;
            foreach (var s in _statements)
            {
                if (s.CancelledAtMs is null && s.StartAtMs > nowMs) s.Schedule(Math.Max(Math.Max(s.SubmittedAtMs, nowMs), free), _options);
                free = s.SlotFreeAfter(free);
            }
            return true;
        }
    }

    private StatementRecord? FindLocked(int statementId) =>
        statementId >= 0 && statementId < _statements.Count ? _statements[statementId] : null;

    private string StateAtLocked(long nowMs) =>
        _forcedState ?? (nowMs < IdleAtMs ? SessionStates.Starting
            : _statements.Any(s => s.IsPendingAt(nowMs)) ? SessionStates.Busy
            : SessionStates.Idle);

    /// <summary>0 until the first state change (as DLI's create example shows), then the time of the latest one.</summary>
    private long UpdateTimeLocked(long nowMs)
    {
        if (_forcedState is null && nowMs < IdleAtMs) return 0;
        var latest = Math.Max(IdleAtMs, _forcedState is null ? 0 : _forcedAtMs);
        foreach (var s in _statements)
        {
            var changes = (long[])[Math.Max(s.SubmittedAtMs, IdleAtMs), s.CancelledAtMs ?? s.EndAtMs];
            foreach (var change in changes) if (change <= nowMs) latest = Math.Max(latest, change);
        }
        return Math.Min(latest, nowMs);
    }

    /// <summary>The log, first brought up to date with the transitions the clock has passed since the last read.</summary>
    private List<string> LogLocked(long nowMs)
    {
        _log ??= [.. StartingLog];
        if (nowMs <= _loggedUntilMs) return _log;
        var passed = new List<(long At, string Message)>();
        if (IdleAtMs > _loggedUntilMs && IdleAtMs <= nowMs)
            passed.Add((IdleAtMs, $"session is idle; Spark application {AppId} (emulated)"));
        foreach (var s in _statements)
        {
            var stoppedAt = s.CancelledAtMs ?? long.MaxValue;
            if (s.RunAtMs > _loggedUntilMs && s.RunAtMs <= nowMs && s.RunAtMs < stoppedAt)
                passed.Add((s.RunAtMs, $"statement {s.Id} is running"));
            if (s.EndAtMs > _loggedUntilMs && s.EndAtMs <= nowMs && s.EndAtMs <= stoppedAt)
                passed.Add((s.EndAtMs, $"statement {s.Id} is available"));
        }
        _log.AddRange(passed.OrderBy(p => p.At).Select(p => EmulatedLog.Line(p.At, p.Message)));
        _loggedUntilMs = nowMs;
        return _log;
    }
}
