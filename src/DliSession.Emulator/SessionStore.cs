using System.Collections.Concurrent;
using System.Globalization;
using DliSession.Emulator.Validation;

namespace DliSession.Emulator;

/// <summary>
/// All sessions, in memory. Sessions with a heartbeat timeout are also kept in <see cref="_watched"/> so the watchdog
/// sweep skips the rest.
/// </summary>
internal sealed class SessionStore(EmulatorOptions options, TimeProvider clock) : RecordStore<SessionRecord>(clock, s => s.Id)
{
    private readonly ConcurrentDictionary<string, SessionRecord> _watched = new(StringComparer.Ordinal);

    public const string PreCreatedClusterName = "emulator_cluster";

    public SessionRecord Create(CreateSessionRequest request, string owner)
    {
        var now = NowMs;
        var session = NewSession(request.Name, owner, request.Kind, request.ScType, request.Target, now, now + options.IdleDelayMs,
            request.HeartbeatTimeoutSeconds);
        Records.Add(session);
        Watch(session);
        return session;
    }

    /// <summary>Adds <paramref name="count"/> sessions that are idle from the start, for paging and load tests.</summary>
    public void PreCreate(int count)
    {
        var now = NowMs;
        Records.AddMany(count, i =>
            NewSession("session-" + i.ToString("D6", CultureInfo.InvariantCulture), "emulator", "spark", "A", PreCreatedClusterName, now, now, 0));
    }

    private SessionRecord NewSession(string name, string owner, string kind, string scType, string target, long now,
        long idleAt, int heartbeatTimeoutSeconds) =>
        new(options, Guid.NewGuid().ToString(), name, owner, kind, scType, target, now, idleAt, ApplicationIds.Next(),
            heartbeatTimeoutSeconds);

    private void Watch(SessionRecord session)
    {
        if (session.HeartbeatTimeoutMs > 0) _watched[session.Id] = session;
    }

    /// <summary>Finds a session for a request on its own URL, which counts as its heartbeat; an expired one is deleted first.</summary>
    public SessionRecord? FindForRequest(string id)
    {
        var session = Find(id);
        session?.Heartbeat(NowMs);
        return session;
    }

    /// <summary>Finds a session without refreshing its heartbeat (control API); an expired one is deleted first.</summary>
    public SessionRecord? Find(string id)
    {
        var session = Records.Find(id);
        if (session is null || !session.IsExpiredAt(NowMs)) return session;
        Remove(id);
        return null;
    }

    public bool Remove(string id)
    {
        _watched.TryRemove(id, out _);
        return Records.Remove(id);
    }

    /// <summary>One page of sessions in creation order, and how many match the filter in all.</summary>
    public (int Total, IReadOnlyList<SessionRecord> Page) Page(string? target, int from, int size) =>
        Records.Page(target is null ? null : s => s.Target == target, from, size);

    /// <summary>The watchdog's pass: deletes every watched session whose heartbeat timeout has passed.</summary>
    public void SweepExpired()
    {
        var now = NowMs;
        foreach (var session in _watched.Values)
            if (session.IsExpiredAt(now)) Remove(session.Id);
    }

    public override void Clear()
    {
        base.Clear();
        _watched.Clear();
    }
}
