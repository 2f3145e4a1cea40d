using System.Text.Json.Serialization;

namespace DliSession.Client.Models;

/// <summary>
/// The fields a session's create body and a Spark job's share, under the same wire names: the legacy queue name,
/// the compute type, the packages and configuration, the name and the sizing. Members left null are not sent.
/// Each field's <see cref="JsonPropertyOrderAttribute"/> is its place on the wire; the places are spaced so that
/// <see cref="CreateSessionRequest"/> and <see cref="SubmitSparkJobRequest"/> put their own fields between them and
/// each body keeps the order its tests pin (the Livy order for a session, the SDK's for a job).
/// </summary>
public abstract class SparkApplicationRequest
{
    /// <summary>The documented limit on <see cref="Name"/>, for sessions and jobs alike.</summary>
    public const int MaxNameLength = 128;

    [JsonPropertyName("cluster_name"), JsonPropertyOrder(20)] public string? ClusterName { get; set; }
    [JsonPropertyName("sc_type"), JsonPropertyOrder(40)] public string? ScType { get; set; }
    [JsonPropertyName("jars"), JsonPropertyOrder(50)] public string[]? Jars { get; set; }
    [JsonPropertyName("pyFiles"), JsonPropertyOrder(51)] public string[]? PyFiles { get; set; }
    [JsonPropertyName("files"), JsonPropertyOrder(52)] public string[]? Files { get; set; }
    [JsonPropertyName("modules"), JsonPropertyOrder(53)] public string[]? Modules { get; set; }
    [JsonPropertyName("resources"), JsonPropertyOrder(54)] public SessionResource[]? Resources { get; set; }
    [JsonPropertyName("groups"), JsonPropertyOrder(55)] public SessionResourceGroup[]? Groups { get; set; }

    /// <summary>Spark configuration, sent as a JSON object of strings (Livy's <c>Map[String, String]</c>).</summary>
    [JsonPropertyName("conf"), JsonPropertyOrder(56)] public Dictionary<string, string>? Conf { get; set; }

    [JsonPropertyName("name"), JsonPropertyOrder(60)] public string? Name { get; set; }
    [JsonPropertyName("driverMemory"), JsonPropertyOrder(70)] public string? DriverMemory { get; set; }
    [JsonPropertyName("driverCores"), JsonPropertyOrder(71)] public int? DriverCores { get; set; }
    [JsonPropertyName("executorMemory"), JsonPropertyOrder(72)] public string? ExecutorMemory { get; set; }
    [JsonPropertyName("executorCores"), JsonPropertyOrder(73)] public int? ExecutorCores { get; set; }
    [JsonPropertyName("numExecutors"), JsonPropertyOrder(74)] public int? NumExecutors { get; set; }
}
