using System.Text.Json;
using System.Text.Json.Serialization;

namespace DliSession.Client.Json;

/// <summary>
/// The statement object. The documentation's types contradict its own examples (id "UUID string" but sent as an
/// integer, state and output as arrays but sent as a string and an object), so each takes either form.
/// </summary>
internal sealed class StatementWire
{
    [JsonPropertyName("id"), JsonConverter(typeof(LenientIntConverter))] public int? Id { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("state"), JsonConverter(typeof(FirstStringConverter))] public string? State { get; set; }
    [JsonPropertyName("output")] public JsonElement? Output { get; set; }
    [JsonPropertyName("progress")] public double? Progress { get; set; }
}

internal sealed class StatementListWire
{
    [JsonPropertyName("total_statements")] public int? TotalStatements { get; set; }
    [JsonPropertyName("statements")] public List<StatementWire?>? Statements { get; set; }
}

internal sealed class StatementOutputWire
{
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("execution_count")] public int? ExecutionCount { get; set; }
    [JsonPropertyName("data"), JsonConverter(typeof(LenientStringMapConverter))] public Dictionary<string, string?>? Data { get; set; }
    [JsonPropertyName("ename")] public string? ErrorName { get; set; }
    [JsonPropertyName("evalue")] public string? ErrorValue { get; set; }
    [JsonPropertyName("traceback")] public string[]? Traceback { get; set; }
}

internal sealed class CreateStatementWire
{
    [JsonPropertyName("code")] public required string Code { get; set; }
}
