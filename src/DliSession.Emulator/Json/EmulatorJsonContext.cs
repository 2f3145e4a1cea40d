using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DliSession.Emulator.Json;

/// <summary>Source-generated serialization: no reflection, and the property names are exactly the attributes'.</summary>
[JsonSerializable(typeof(SessionDto))]
[JsonSerializable(typeof(SessionListDto))]
[JsonSerializable(typeof(SessionStateDto))]
[JsonSerializable(typeof(SessionLogDto))]
[JsonSerializable(typeof(StatementDto))]
[JsonSerializable(typeof(StatementListDto))]
[JsonSerializable(typeof(BatchJobDto))]
[JsonSerializable(typeof(BatchListDto))]
[JsonSerializable(typeof(BatchStateDto))]
[JsonSerializable(typeof(BatchLogDto))]
[JsonSerializable(typeof(FailBatchRequest))]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(MessageDto))]
[JsonSerializable(typeof(JournalDto))]
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(FaultIdDto))]
[JsonSerializable(typeof(StatsDto))]
[JsonSerializable(typeof(ForceStateRequest))]
[JsonSerializable(typeof(AppendLogRequest))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext
{
    /// <summary>What goes on the wire: quotes and apostrophes written as themselves, not <c>\u0022</c>, so journal
    /// bodies and messages read as they were sent. Safe because every answer is application/json, never HTML.</summary>
    public static EmulatorJsonContext Wire { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
