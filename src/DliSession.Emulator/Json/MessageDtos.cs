using System.Text.Json.Serialization;

namespace DliSession.Emulator.Json;

/// <summary>DLI's error envelope.</summary>
internal sealed record ErrorDto(
    [property: JsonPropertyName("error_code")] string ErrorCode,
    [property: JsonPropertyName("error_msg")] string ErrorMessage);

/// <summary>Livy's <c>{"msg":…}</c>, used for delete/cancel answers, Livy's own errors and control API answers.</summary>
internal sealed record MessageDto([property: JsonPropertyName("msg")] string Message);
