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

/// <summary>Settable rather than init-only: source-generated deserialization would overwrite an init-only
/// property's default with default(T) when the field is absent.</summary>
internal sealed record FaultRequest
{
    [JsonPropertyName("method")] public string Method { get; set; } = "*";
    [JsonPropertyName("path")] public string? Path { get; set; }
    [JsonPropertyName("count")] public int Count { get; set; } = 1;
    [JsonPropertyName("status")] public int Status { get; set; }
    [JsonPropertyName("body")] public string Body { get; set; } = "";
    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
    [JsonPropertyName("headers")] public Dictionary<string, string> Headers { get; set; } = [];
    [JsonPropertyName("delayMs")] public int DelayMs { get; set; }
    [JsonPropertyName("abort")] public bool Abort { get; set; }
    [JsonPropertyName("bodyBytes")] public long BodyBytes { get; set; }

    /// <summary>The chance (0-1] that a matching request gets the fault, for load tests that want failures spread out.</summary>
    [JsonPropertyName("probability")] public double Probability { get; set; } = 1;
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
