using DliSession.Emulator.Json;

namespace DliSession.Emulator.Control;

/// <summary>The active faults, consulted first for every API request (before authentication).</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _lastId;

    /// <summary>Adds a fault and returns its id, or throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public int Add(FaultRequest request)
    {
        if (string.IsNullOrEmpty(request.Path)) throw new ArgumentException("path is required (a glob such as /v2.0/*/sessions/**).");
        if (request.Count < 1) throw new ArgumentException("count must be at least 1.");
        if (!request.Abort && request.Status is < 100 or > 599) throw new ArgumentException("status must be an HTTP status (100-599) unless abort is true.");
        if (request.DelayMs < 0 || request.BodyBytes < 0) throw new ArgumentException("delayMs and bodyBytes must not be negative.");
        if (!(request.Probability is > 0 and <= 1)) throw new ArgumentException("probability must be above 0 and at most 1.");
        lock (_gate)
        {
            var rule = new FaultRule(++_lastId, request);
            _rules.Add(rule);
            return rule.Id;
        }
    }

    /// <summary>
    /// The first fault matching the request that fires (see <see cref="FaultRule.Fires"/>), with one use taken; rules are
    /// used up in the order they were added.
    /// </summary>
    public FaultRule? TryTake(string method, string path)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r => r.Matches(method, path) && r.Fires());
            if (rule is null) return null;
            if (--rule.Remaining == 0) _rules.Remove(rule);
            return rule;
        }
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }
}
