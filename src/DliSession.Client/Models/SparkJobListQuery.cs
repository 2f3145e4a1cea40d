namespace DliSession.Client.Models;

/// <summary>The server-side filters and order of the Spark job list; null members are not sent.</summary>
public sealed record SparkJobListQuery
{
    public static SparkJobListQuery All { get; } = new();

    /// <summary>Sent as <c>job_name</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Sent as <c>queue_name</c>.</summary>
    public string? Queue { get; init; }

    public string? ClusterName { get; init; }
    public string? State { get; init; }

    /// <summary>Sent as <c>job-id</c>, with the hyphen every SDK uses.</summary>
    public string? JobId { get; init; }

    /// <summary>Jobs that started after this time, sent as <c>start</c> in epoch milliseconds.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Jobs that started before this time, sent as <c>end</c> in epoch milliseconds.</summary>
    public DateTimeOffset? Until { get; init; }

    public SparkJobOrder? Order { get; init; }
}
