namespace DliSession.Client;

/// <summary>Per-context HTTP behaviour: how long one attempt may take and how many attempts a retryable failure gets.</summary>
public sealed record DliHttpSettings(TimeSpan Timeout, int MaxAttempts, TimeSpan MaxRetryDelay)
{
    public static DliHttpSettings Default { get; } = new(TimeSpan.FromSeconds(30), 4, TimeSpan.FromSeconds(30));

    /// <summary>The largest response body read; anything bigger is refused instead of filling memory.</summary>
    public long MaxResponseBytes { get; init; } = 64L * 1024 * 1024;
}
