using System.Text.Json.Serialization;

namespace DliSession.Emulator.Json;

internal sealed record StatementDto(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("output")] StatementOutputDto? Output,
    [property: JsonPropertyName("progress")] double Progress);

/// <summary>Livy's output: <c>data</c> when the status is ok; <c>ename</c>, <c>evalue</c> and <c>traceback</c> when it is error.</summary>
internal sealed record StatementOutputDto(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("execution_count")] int ExecutionCount,
    [property: JsonPropertyName("data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Data,
    [property: JsonPropertyName("ename"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ename,
    [property: JsonPropertyName("evalue"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Evalue,
    [property: JsonPropertyName("traceback"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Traceback);

internal sealed record StatementListDto(
    [property: JsonPropertyName("total_statements")] int TotalStatements,
    [property: JsonPropertyName("statements")] IReadOnlyList<StatementDto> Statements);
