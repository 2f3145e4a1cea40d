using System.Text.Json.Serialization;

namespace DliSession.Emulator.Json;

internal sealed record JournalEntryDto(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("connectionId")] string ConnectionId);

internal sealed record JournalDto([property: JsonPropertyName("entries")] IReadOnlyList<JournalEntryDto> Entries);

internal sealed record FaultRequest
{
    [JsonPropertyName("method")] public string Method { get; init; } = "*";
    [JsonPropertyName("path")] public string? Path { get; init; }
    [JsonPropertyName("count")] public int Count { get; init; } = 1;
    [JsonPropertyName("status")] public int Status { get; init; }
    [JsonPropertyName("body")] public string Body { get; init; } = "";
    [JsonPropertyName("contentType")] public string? ContentType { get; init; }
    [JsonPropertyName("headers")] public Dictionary<string, string> Headers { get; init; } = [];
    [JsonPropertyName("delayMs")] public int DelayMs { get; init; }
    [JsonPropertyName("abort")] public bool Abort { get; init; }
    [JsonPropertyName("bodyBytes")] public long BodyBytes { get; init; }
}

internal sealed record FaultIdDto([property: JsonPropertyName("id")] int Id);

internal sealed record StatsDto(
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("connections")] int Connections,
    [property: JsonPropertyName("sessions")] int Sessions,
    [property: JsonPropertyName("serverMicroseconds")] long ServerMicroseconds);

internal sealed record ForceStateRequest([property: JsonPropertyName("state")] string? State);

internal sealed record AppendLogRequest(
    [property: JsonPropertyName("lines")] List<string>? Lines,
    [property: JsonPropertyName("count")] int Count);
