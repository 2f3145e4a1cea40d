using System.Text.Json.Serialization;

namespace DliSession.Client.Json;

/// <summary>The session object exactly as DLI sends it (create, get and list share it).</summary>
internal sealed class SessionWire
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("appId")] public string? AppId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("owner")] public string? Owner { get; set; }
    [JsonPropertyName("proxyUser")] public string? ProxyUser { get; set; }
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("log")] public string[]? Log { get; set; }

    // Documented as "Array of objects", sent as an object; Livy servers send a string map.
    [JsonPropertyName("appInfo"), JsonConverter(typeof(LenientStringMapConverter))]
    public Dictionary<string, string?>? AppInfo { get; set; }

    [JsonPropertyName("sc_type")] public string? ScType { get; set; }
    [JsonPropertyName("cluster_name")] public string? ClusterName { get; set; }
    [JsonPropertyName("queue")] public string? Queue { get; set; }
    [JsonPropertyName("create_time")] public long? CreateTime { get; set; }
    [JsonPropertyName("update_time")] public long? UpdateTime { get; set; }
}

internal sealed class SessionListWire
{
    [JsonPropertyName("from")] public int? From { get; set; }
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("sessions")] public List<SessionWire?>? Sessions { get; set; }
}

internal sealed class SessionStateWire
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
}

internal sealed class SessionLogWire
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("from")] public int? From { get; set; }
    [JsonPropertyName("total")] public int? Total { get; set; }
    [JsonPropertyName("log")] public string[]? Log { get; set; }
}

/// <summary>Both error envelopes: DLI's <c>error_code</c>/<c>error_msg</c> and Livy's <c>msg</c>.</summary>
internal sealed class ErrorWire
{
    [JsonPropertyName("error_code")] public string? ErrorCode { get; set; }
    [JsonPropertyName("error_msg")] public string? ErrorMessage { get; set; }
    [JsonPropertyName("msg")] public string? Message { get; set; }
}

/// <summary>The <c>{"msg": "deleted"}</c> and <c>{"msg": "canceled"}</c> answers.</summary>
internal sealed class MessageWire
{
    [JsonPropertyName("msg")] public string? Message { get; set; }
}
