using System.Text.Json.Serialization;

namespace DliSession.Client.Models;

/// <summary>
/// The body of <c>POST /v2.0/{project_id}/batches</c>, each field under the name Huawei's SDKs put on the wire: Livy's
/// camelCase for the class, Python files and sizing, snake_case for DLI's own fields. Members left null are not sent.
/// The order is the SDK's (<c>file</c> and <c>className</c> first), so a journal reads like the SDK's requests.
/// </summary>
public sealed class SubmitSparkJobRequest
{
    /// <summary>The documented limit on <see cref="Name"/>.</summary>
    public const int MaxNameLength = 128;

    /// <summary>The documented limit on <see cref="MaxRetryTimes"/>.</summary>
    public const int MaxRetryLimit = 100;

    [JsonPropertyName("file")] public required string File { get; set; }
    [JsonPropertyName("className")] public required string ClassName { get; set; }
    [JsonPropertyName("cluster_name")] public string? ClusterName { get; set; }
    [JsonPropertyName("args")] public string[]? Args { get; set; }
    [JsonPropertyName("sc_type")] public string? ScType { get; set; }
    [JsonPropertyName("jars")] public string[]? Jars { get; set; }
    [JsonPropertyName("pyFiles")] public string[]? PyFiles { get; set; }
    [JsonPropertyName("files")] public string[]? Files { get; set; }
    [JsonPropertyName("modules")] public string[]? Modules { get; set; }
    [JsonPropertyName("resources")] public SessionResource[]? Resources { get; set; }
    [JsonPropertyName("groups")] public SessionResourceGroup[]? Groups { get; set; }

    /// <summary>Spark configuration, sent as a JSON object.</summary>
    [JsonPropertyName("conf")] public Dictionary<string, string>? Conf { get; set; }

    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("driverMemory")] public string? DriverMemory { get; set; }
    [JsonPropertyName("driverCores")] public int? DriverCores { get; set; }
    [JsonPropertyName("executorMemory")] public string? ExecutorMemory { get; set; }
    [JsonPropertyName("executorCores")] public int? ExecutorCores { get; set; }
    [JsonPropertyName("numExecutors")] public int? NumExecutors { get; set; }

    /// <summary><c>basic</c>, <c>ai</c> or <c>custom</c>; <c>custom</c> needs <see cref="Image"/>.</summary>
    [JsonPropertyName("feature")] public string? Feature { get; set; }

    [JsonPropertyName("spark_version")] public string? SparkVersion { get; set; }
    [JsonPropertyName("queue")] public string? Queue { get; set; }
    [JsonPropertyName("auto_recovery")] public bool? AutoRecovery { get; set; }
    [JsonPropertyName("max_retry_times")] public int? MaxRetryTimes { get; set; }
    [JsonPropertyName("image")] public string? Image { get; set; }
    [JsonPropertyName("execution_agency_urn")] public string? ExecutionAgencyUrn { get; set; }
    [JsonPropertyName("obs_bucket")] public string? ObsBucket { get; set; }
    [JsonPropertyName("catalog_name")] public string? CatalogName { get; set; }
}
