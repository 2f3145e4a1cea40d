namespace DliSession.Client;

/// <summary>Per-context HTTP behaviour: how long one attempt may take and how many attempts a retryable failure gets.</summary>
public sealed record DliHttpSettings(TimeSpan Timeout, int MaxAttempts, TimeSpan MaxRetryDelay)
{
    public const string TimeoutVariable = "DLI_TIMEOUT_SEC";
    public const string MaxAttemptsVariable = "DLI_MAX_ATTEMPTS";

    public static DliHttpSettings Default { get; } = new(TimeSpan.FromSeconds(30), 4, TimeSpan.FromSeconds(30));

    /// <summary>The defaults, with <c>DLI_TIMEOUT_SEC</c> and <c>DLI_MAX_ATTEMPTS</c> applied when they hold positive whole numbers.</summary>
    public static DliHttpSettings FromEnvironment(Func<string, string?> environment)
    {
        var settings = Default;
        if (Positive(environment(TimeoutVariable)) is { } seconds) settings = settings with { Timeout = TimeSpan.FromSeconds(seconds) };
        if (Positive(environment(MaxAttemptsVariable)) is { } attempts) settings = settings with { MaxAttempts = attempts };
        return settings;
    }

    private static int? Positive(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>The largest response body read; anything bigger is refused instead of filling memory.</summary>
    public long MaxResponseBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// The most of an error answer's body that is read: DLI's error JSON is a few hundred bytes, and a message is
    /// shown only up to 2,000 characters, so a server cannot make an error cost megabytes. The rest is dropped.
    /// </summary>
    public long MaxErrorResponseBytes { get; init; } = 64L * 1024;
}
