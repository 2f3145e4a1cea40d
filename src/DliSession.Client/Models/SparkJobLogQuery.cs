namespace DliSession.Client.Models;

/// <summary>
/// Which log lines to read. Without <see cref="From"/> the service answers with the last lines; <see cref="Index"/>
/// picks the driver log of a retried job and implies the driver log.
/// </summary>
public sealed record SparkJobLogQuery
{
    public int? From { get; init; }
    public int? Size { get; init; }

    /// <summary><c>driver</c> for the Spark driver's log.</summary>
    public string? Type { get; init; }

    public int? Index { get; init; }
}
