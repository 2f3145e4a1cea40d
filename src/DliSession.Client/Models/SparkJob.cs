using DliSession.Client.Json;

namespace DliSession.Client.Models;

/// <summary>
/// A DLI Spark (batch) job as the module emits it. It carries the <see cref="Context"/> it was read with, so a later
/// cmdlet in the pipeline acts on the same endpoint, project and credential without being told again.
/// </summary>
public sealed class SparkJob
{
    public required string Id { get; init; }

    /// <summary>The id again, under the name the job cmdlets also bind by property name from the pipeline.</summary>
    public string JobId => Id;

    public string? Name { get; init; }

    /// <summary>The state exactly as the service sent it; compare it without case (see <see cref="SparkJobStates"/>).</summary>
    public required string State { get; init; }

    public string? Queue { get; init; }
    public string? ClusterName { get; init; }
    public string? ScType { get; init; }

    /// <summary>The back end's application id, once the job runs (the first, when the service sends a list).</summary>
    public string? AppId => AppIds.Count == 0 ? null : AppIds[0];

    public IReadOnlyList<string> AppIds { get; init; } = [];
    public string? Owner { get; init; }
    public string? ProxyUser { get; init; }
    public string? Kind { get; init; }
    public string? Image { get; init; }
    public string? Feature { get; init; }
    public string? SparkVersion { get; init; }

    /// <summary>The last lines of the log that the service sends with the job.</summary>
    /// <summary>Whose text is the lines, one a line, so it survives CSV.</summary>
    public LogLines Log { get; init; } = LogLines.None;

    public DateTimeOffset? CreateTime { get; init; }
    public DateTimeOffset? UpdateTime { get; init; }
    public TimeSpan? Duration { get; init; }

    /// <summary>The create request as the service keeps it (<c>req_body</c>), as sent: a JSON text.</summary>
    public string? RequestBodyJson { get; init; }

    /// <summary>
    /// <see cref="RequestBodyJson"/> read into a dictionary (keys without case, values as strings, numbers, booleans,
    /// arrays and dictionaries), so <c>$job.RequestBody.className</c> works; null when there is none or it is not JSON.
    /// Read on first use: a listing of many jobs does not pay for bodies nobody looks at.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? RequestBody
    {
        get
        {
            // Two threads that ask at once both read the same text to equal dictionaries; either may be kept.
            if (!Volatile.Read(ref _requestBodyRead))
            {
                _requestBody = RequestBodyReader.Read(RequestBodyJson);
                Volatile.Write(ref _requestBodyRead, true);
            }
            return _requestBody;
        }
    }

    private IReadOnlyDictionary<string, object?>? _requestBody;
    private bool _requestBodyRead;

    public required string ProjectId { get; init; }
    public required Uri Endpoint { get; init; }
    public required DliContext Context { get; init; }

    /// <summary>The queue the job runs in: <see cref="Queue"/>, else the legacy <see cref="ClusterName"/>.</summary>
    public string? Target => Queue ?? ClusterName;

    public bool IsTerminal => SparkJobStates.IsTerminal(State);

    public override string ToString() => Id;
}
