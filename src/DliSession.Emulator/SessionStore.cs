using System.Collections.Concurrent;
using System.Globalization;
using DliSession.Emulator.Validation;

namespace DliSession.Emulator;

/// <summary>
/// All sessions, in memory. One lock guards the id index and the creation-ordered list together, because LIST pages
/// by offset in creation order and must see a consistent pair; each session has its own lock for its contents.
/// Sessions with a heartbeat timeout are also kept in <see cref="_watched"/> so the watchdog sweep skips the rest.
/// </summary>
internal sealed class SessionStore(EmulatorOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SessionRecord> _byId = new(StringComparer.Ordinal);
    private readonly List<SessionRecord> _inCreationOrder = [];
    private readonly ConcurrentDictionary<string, SessionRecord> _watched = new(StringComparer.Ordinal);

    /// <summary>Fake YARN application ids share the cluster start time, as real ones do, and count up.</summary>
    private readonly long _clusterStartMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
    private int _applicationSequence;

    public const string PreCreatedClusterName = "emulator_cluster";

    public long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public int Count
    {
        get { lock (_gate) return _byId.Count; }
    }

    public SessionRecord Create(CreateSessionRequest request, string owner)
    {
        var now = NowMs;
        var session = NewSession(request.Name, owner, request.Kind, request.ScType, request.Target, now, now + options.IdleDelayMs,
            request.HeartbeatTimeoutSeconds);
        lock (_gate) Add(session);
        return session;
    }

    /// <summary>Adds <paramref name="count"/> sessions that are idle from the start, for paging and load tests.</summary>
    public void PreCreate(int count)
    {
        var now = NowMs;
        lock (_gate)
        {
            _byId.EnsureCapacity(_byId.Count + count);
            _inCreationOrder.Capacity = Math.Max(_inCreationOrder.Capacity, _inCreationOrder.Count + count);
            for (var i = 1; i <= count; i++)
            {
                var name = "session-" + i.ToString("D6", CultureInfo.InvariantCulture);
                Add(NewSession(name, "emulator", "spark", "A", PreCreatedClusterName, now, now, 0));
            }
        }
    }

    private SessionRecord NewSession(string name, string owner, string kind, string scType, string target, long now,
        long idleAt, int heartbeatTimeoutSeconds)
    {
        var sequence = Interlocked.Increment(ref _applicationSequence);
        var appId = string.Create(CultureInfo.InvariantCulture, $"application_{_clusterStartMs}_{sequence:D4}");
        return new SessionRecord(options, Guid.NewGuid().ToString(), name, owner, kind, scType, target, now, idleAt, appId,
            heartbeatTimeoutSeconds);
    }

    private void Add(SessionRecord session)
    {
        _byId.Add(session.Id, session);
        _inCreationOrder.Add(session);
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
        SessionRecord? session;
        lock (_gate) _byId.TryGetValue(id, out session);
        if (session is null || !session.IsExpiredAt(NowMs)) return session;
        Remove(id);
        return null;
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_byId.Remove(id, out var session)) return false;
            _inCreationOrder.Remove(session);
            _watched.TryRemove(id, out _);
            return true;
        }
    }

    /// <summary>One page of sessions in creation order, and how many match the filter in all.</summary>
    public (int Total, IReadOnlyList<SessionRecord> Page) Page(string? target, int from, int size)
    {
        lock (_gate)
        {
            if (target is null)
            {
                var start = Math.Min(from, _inCreationOrder.Count);
                return (_inCreationOrder.Count, _inCreationOrder.GetRange(start, Math.Min(size, _inCreationOrder.Count - start)));
            }
            var total = 0;
            var page = new List<SessionRecord>();
            foreach (var session in _inCreationOrder)
            {
                if (session.Target != target) continue;
                if (total >= from && page.Count < size) page.Add(session);
                total++;
            }
            return (total, page);
        }
    }

    /// <summary>The watchdog's pass: deletes every watched session whose heartbeat timeout has passed.</summary>
    public void SweepExpired()
    {
        var now = NowMs;
        foreach (var session in _watched.Values)
            if (session.IsExpiredAt(now)) Remove(session.Id);
    }

    public void Clear()
    {
        lock (_gate)
        {
            _byId.Clear();
            _inCreationOrder.Clear();
            _watched.Clear();
        }
    }
}
