using System.Text.Json.Serialization;

namespace DliSession.Client.Json;

/// <summary>
/// The Spark job object exactly as DLI sends it (create, get and list items share it). Times and counts are read
/// from numbers or numeric strings, <c>appId</c> from a string, null or an array, and <c>req_body</c> from a JSON
/// text or an object, because the documentation and the SDKs disagree on each of them.
/// </summary>
internal sealed class SparkJobWire
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("state"), JsonConverter(typeof(FirstStringConverter))] public string? State { get; set; }
    [JsonPropertyName("appId"), JsonConverter(typeof(StringListConverter))] public string[]? AppId { get; set; }
    [JsonPropertyName("log")] public string[]? Log { get; set; }
    [JsonPropertyName("sc_type")] public string? ScType { get; set; }
    [JsonPropertyName("cluster_name")] public string? ClusterName { get; set; }
    [JsonPropertyName("create_time"), JsonConverter(typeof(LenientLongConverter))] public long? CreateTime { get; set; }
    [JsonPropertyName("update_time"), JsonConverter(typeof(LenientLongConverter))] public long? UpdateTime { get; set; }
    [JsonPropertyName("duration"), JsonConverter(typeof(LenientLongConverter))] public long? Duration { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("owner")] public string? Owner { get; set; }
    [JsonPropertyName("proxyUser")] public string? ProxyUser { get; set; }
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("queue")] public string? Queue { get; set; }
    [JsonPropertyName("image")] public string? Image { get; set; }
    [JsonPropertyName("feature")] public string? Feature { get; set; }
    [JsonPropertyName("spark_version")] public string? SparkVersion { get; set; }

    /// <summary>A JSON string in every SDK and example; an object is taken as its JSON text.</summary>
    [JsonPropertyName("req_body"), JsonConverter(typeof(JsonTextConverter))] public string? RequestBody { get; set; }
}

/// <summary>The list: the jobs are under <c>sessions</c> (Livy's heritage); <c>batches</c> is read too, in case.</summary>
internal sealed class SparkJobListWire
{
    [JsonPropertyName("from"), JsonConverter(typeof(LenientIntConverter))] public int? From { get; set; }
    [JsonPropertyName("total"), JsonConverter(typeof(LenientIntConverter))] public int? Total { get; set; }
    [JsonPropertyName("sessions")] public List<SparkJobWire?>? Sessions { get; set; }
    [JsonPropertyName("batches")] public List<SparkJobWire?>? Batches { get; set; }
}

internal sealed class SparkJobStateWire
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("state"), JsonConverter(typeof(FirstStringConverter))] public string? State { get; set; }
}

/// <summary>The log page; <c>from</c> is a number in the SDKs and a string in the 2021 documentation.</summary>
internal sealed class SparkJobLogWire
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("from"), JsonConverter(typeof(LenientIntConverter))] public int? From { get; set; }
    [JsonPropertyName("total"), JsonConverter(typeof(LenientIntConverter))] public int? Total { get; set; }
    [JsonPropertyName("log")] public string[]? Log { get; set; }
}
