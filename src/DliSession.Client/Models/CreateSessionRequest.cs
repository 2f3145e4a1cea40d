using System.Text.Json.Serialization;

namespace DliSession.Client.Models;

/// <summary>
/// The body of <c>POST /v2.0/{project_id}/sessions</c>, with the service's field names. Members left null are not
/// sent: the serializer omits nulls, so the wire carries only what the caller chose.
/// </summary>
public sealed class CreateSessionRequest
{
    [JsonPropertyName("kind")] public string Kind { get; set; } = "spark";
    [JsonPropertyName("cluster_name")] public string? ClusterName { get; set; }
    [JsonPropertyName("queue")] public string? Queue { get; set; }
    [JsonPropertyName("sc_type")] public string? ScType { get; set; }
    [JsonPropertyName("jars")] public string[]? Jars { get; set; }
    [JsonPropertyName("pyFiles")] public string[]? PyFiles { get; set; }
    [JsonPropertyName("files")] public string[]? Files { get; set; }
    [JsonPropertyName("modules")] public string[]? Modules { get; set; }
    [JsonPropertyName("resources")] public SessionResource[]? Resources { get; set; }
    [JsonPropertyName("groups")] public SessionResourceGroup[]? Groups { get; set; }

    /// <summary>Spark configuration, sent as a JSON object of strings (Livy's <c>Map[String, String]</c>).</summary>
    [JsonPropertyName("conf")] public Dictionary<string, string>? Conf { get; set; }

    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("heartbeatTimeoutInSecond")] public int? HeartbeatTimeoutInSecond { get; set; }
    [JsonPropertyName("driverMemory")] public string? DriverMemory { get; set; }
    [JsonPropertyName("driverCores")] public int? DriverCores { get; set; }
    [JsonPropertyName("executorMemory")] public string? ExecutorMemory { get; set; }
    [JsonPropertyName("executorCores")] public int? ExecutorCores { get; set; }
    [JsonPropertyName("numExecutors")] public int? NumExecutors { get; set; }

    /// <summary>The documented limit on <see cref="Name"/>.</summary>
    public const int MaxNameLength = 128;
}

/// <summary>A package uploaded to DLI: its name and type (for example <c>jar</c>).</summary>
public sealed class SessionResource
{
    [JsonPropertyName("name")] public required string Name { get; set; }
    [JsonPropertyName("type")] public required string Type { get; set; }

    public override string ToString() => $"{Name} ({Type})";
}

/// <summary>A user group's resources.</summary>
public sealed class SessionResourceGroup
{
    [JsonPropertyName("name")] public required string Name { get; set; }
    [JsonPropertyName("resources")] public SessionResource[]? Resources { get; set; }

    public override string ToString() => Name;
}
