namespace DliSession.Client.Logs;

/// <summary>Where a follow starts, how much it writes at most and how often it looks for new lines.</summary>
public sealed record LogFollowOptions
{
    /// <summary>The index of the first line to write (0 is the first line of the log); ignored with <see cref="Last"/>.</summary>
    public int From { get; init; }

    /// <summary>Start with the last this many lines instead of at <see cref="From"/>.</summary>
    public int? Last { get; init; }

    /// <summary>The most lines to write in all; <see cref="ulong.MaxValue"/> for no limit.</summary>
    public ulong First { get; init; } = ulong.MaxValue;

    /// <summary>How many lines to ask for per request.</summary>
    public int PageSize { get; init; } = DliClient.DefaultPageSize;

    /// <summary>The most pages one look for new lines requests; null for no cap beyond the log's own end.</summary>
    public int? MaxPages { get; init; }

    /// <summary>The steady pause between looks once the first, shorter ones are over (see <see cref="Waiting.PollSchedule"/>).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);
}
