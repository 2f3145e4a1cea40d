using System.Text.Json.Serialization;

namespace DliSession.Client.Models;

/// <summary>
/// The body of <c>POST /v2.0/{project_id}/batches</c>, each field under the name Huawei's SDKs put on the wire: Livy's
/// camelCase for the class, Python files and sizing, snake_case for DLI's own fields. The fields a session shares are
/// <see cref="SparkApplicationRequest"/>'s; members left null are not sent. The order is the SDK's (<c>file</c> and
/// <c>className</c> first), so a journal reads like the SDK's requests.
/// </summary>
public sealed class SubmitSparkJobRequest : SparkApplicationRequest
{
    /// <summary>The documented limit on <see cref="MaxRetryTimes"/>.</summary>
    public const int MaxRetryLimit = 100;

    [JsonPropertyName("file"), JsonPropertyOrder(0)] public required string File { get; set; }
    [JsonPropertyName("className"), JsonPropertyOrder(1)] public required string ClassName { get; set; }
    [JsonPropertyName("args"), JsonPropertyOrder(30)] public string[]? Args { get; set; }

    /// <summary><c>basic</c>, <c>ai</c> or <c>custom</c>; <c>custom</c> needs <see cref="Image"/>.</summary>
    [JsonPropertyName("feature"), JsonPropertyOrder(80)] public string? Feature { get; set; }

    [JsonPropertyName("spark_version"), JsonPropertyOrder(81)] public string? SparkVersion { get; set; }
    [JsonPropertyName("queue"), JsonPropertyOrder(82)] public string? Queue { get; set; }
    [JsonPropertyName("auto_recovery"), JsonPropertyOrder(83)] public bool? AutoRecovery { get; set; }
    [JsonPropertyName("max_retry_times"), JsonPropertyOrder(84)] public int? MaxRetryTimes { get; set; }
    [JsonPropertyName("image"), JsonPropertyOrder(85)] public string? Image { get; set; }
    [JsonPropertyName("execution_agency_urn"), JsonPropertyOrder(86)] public string? ExecutionAgencyUrn { get; set; }
    [JsonPropertyName("obs_bucket"), JsonPropertyOrder(87)] public string? ObsBucket { get; set; }
    [JsonPropertyName("catalog_name"), JsonPropertyOrder(88)] public string? CatalogName { get; set; }
}
