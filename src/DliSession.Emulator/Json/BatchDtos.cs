using System.Text.Json.Serialization;

namespace DliSession.Emulator.Json;

/// <summary>
/// The batch job object of dli-batch-api §6.1, fields in the table's order. The SDK models give the three answers
/// different field sets: <c>duration</c> only in create and list items, <c>req_body</c> only in get and list
/// items, <c>feature</c> and <c>spark_version</c> only in get; a field a form lacks is null and left out.
/// </summary>
internal sealed record BatchJobDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("appId")] string AppId,
    [property: JsonPropertyName("log")] IReadOnlyList<string> Log,
    [property: JsonPropertyName("sc_type")] string ScType,
    [property: JsonPropertyName("cluster_name")] string ClusterName,
    [property: JsonPropertyName("create_time")] long CreateTime,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("proxyUser")] string ProxyUser,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("update_time")] long UpdateTime,
    [property: JsonPropertyName("duration"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Duration,
    [property: JsonPropertyName("req_body"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReqBody,
    [property: JsonPropertyName("feature"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Feature,
    [property: JsonPropertyName("spark_version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SparkVersion);

/// <summary>The list answer: the jobs are under <c>sessions</c> (Livy heritage), not <c>batches</c>.</summary>
internal sealed record BatchListDto(
    [property: JsonPropertyName("from")] int From,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("sessions")] IReadOnlyList<BatchJobDto> Sessions,
    [property: JsonPropertyName("create_time")] long CreateTime);

internal sealed record BatchStateDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] string State);

/// <summary>The log answer; <c>from</c> is a number, as the current SDKs and OTC document it (§9 row 6).</summary>
internal sealed record BatchLogDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("from")] int From,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("log")] IReadOnlyList<string> Log);

/// <summary>The control API's "make this job fail": why (written to its log) and any lines to log first.</summary>
internal sealed record FailBatchRequest(
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("lines")] List<string>? Lines);
