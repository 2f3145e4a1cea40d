namespace DliSession.Client.Models;

/// <summary>
/// A DLI Spark session as the module emits it. It carries the <see cref="Context"/> it was read with, so a later
/// cmdlet in the pipeline acts on the same endpoint, project and credential without being told again.
/// </summary>
public sealed class SparkSession
{
    public required string Id { get; init; }

    /// <summary>The id again, under the name the statement cmdlets bind by property name from the pipeline.</summary>
    public string SessionId => Id;
    public string? AppId { get; init; }
    public string? Name { get; init; }
    public string? Owner { get; init; }
    public string? ProxyUser { get; init; }
    public string? Kind { get; init; }

    /// <summary>The state exactly as the service sent it; an open set (Livy servers add <c>killed</c>).</summary>
    public required string State { get; init; }

    public string? ScType { get; init; }
    public string? ClusterName { get; init; }
    public string? Queue { get; init; }
    /// <summary>Whose text is <c>key=value; ...</c>, so it survives CSV.</summary>
    public AppInfo? AppInfo { get; init; }

    /// <summary>Whose text is the lines, one a line, so it survives CSV.</summary>
    public LogLines Log { get; init; } = LogLines.None;
    public DateTimeOffset? CreateTime { get; init; }
    public DateTimeOffset? UpdateTime { get; init; }

    public required string ProjectId { get; init; }
    public required Uri Endpoint { get; init; }
    public required DliContext Context { get; init; }

    /// <summary>The queue the session runs in: the Recommended variant's queue, else the Discarded variant's cluster.</summary>
    public string? Target => Queue ?? ClusterName;

    public bool IsTerminal => SessionStates.IsTerminal(State);

    public override string ToString() => Id;
}
