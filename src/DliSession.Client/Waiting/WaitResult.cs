namespace DliSession.Client.Waiting;

/// <summary>How a wait ended.</summary>
public enum WaitOutcome
{
    /// <summary>What was waited for happened.</summary>
    Reached,

    /// <summary>It can no longer happen: the resource is in a state it never leaves.</summary>
    Terminal,

    /// <summary>Time ran out, the service's slow or missing answers included.</summary>
    TimedOut,
}

/// <summary>The end of a wait: how it ended and the last value read (null when time ran out before any answer).</summary>
public sealed record WaitResult<T>(WaitOutcome Outcome, T? Last) where T : class;
