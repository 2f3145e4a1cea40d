using System.Text.Json.Serialization;

namespace DliSession.Client.Models;

/// <summary>
/// The body of <c>POST /v2.0/{project_id}/sessions</c>, with the service's field names: the shared fields of
/// <see cref="SparkApplicationRequest"/> and the session's own (kind first, as Livy sends it). Members left null are
/// not sent: the serializer omits nulls, so the wire carries only what the caller chose.
/// </summary>
public sealed class CreateSessionRequest : SparkApplicationRequest
{
    [JsonPropertyName("kind"), JsonPropertyOrder(0)] public string Kind { get; set; } = "spark";
    [JsonPropertyName("queue"), JsonPropertyOrder(30)] public string? Queue { get; set; }
    [JsonPropertyName("heartbeatTimeoutInSecond"), JsonPropertyOrder(65)] public int? HeartbeatTimeoutInSecond { get; set; }
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
