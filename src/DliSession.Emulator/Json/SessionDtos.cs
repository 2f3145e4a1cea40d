using System.Text.Json.Serialization;

namespace DliSession.Emulator.Json;

/// <summary>The session object, with exactly the documented fields in the documented order (Recommended variant).</summary>
internal sealed record SessionDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("appId")] string AppId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("proxyUser")] string ProxyUser,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("log")] IReadOnlyList<string> Log,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("appInfo")] AppInfoDto AppInfo,
    [property: JsonPropertyName("sc_type")] string ScType,
    [property: JsonPropertyName("cluster_name")] string ClusterName,
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("create_time")] long CreateTime,
    [property: JsonPropertyName("update_time")] long UpdateTime);

/// <summary>Always empty: the emulator runs no Spark driver and has no UI to link to.</summary>
internal sealed record AppInfoDto(
    [property: JsonPropertyName("driverLogUrl")] string? DriverLogUrl,
    [property: JsonPropertyName("sparkUiUrl")] string? SparkUiUrl)
{
    public static readonly AppInfoDto Empty = new(null, null);
}

internal sealed record SessionListDto(
    [property: JsonPropertyName("from")] int From,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("sessions")] IReadOnlyList<SessionDto> Sessions);

internal sealed record SessionStateDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] string State);

internal sealed record SessionLogDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("from")] int From,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("log")] IReadOnlyList<string> Log);
