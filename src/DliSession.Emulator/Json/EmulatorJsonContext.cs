using System.Text.Json.Serialization;

namespace DliSession.Emulator.Json;

/// <summary>Source-generated serialization: no reflection, and the property names are exactly the attributes'.</summary>
[JsonSerializable(typeof(SessionDto))]
[JsonSerializable(typeof(SessionListDto))]
[JsonSerializable(typeof(SessionStateDto))]
[JsonSerializable(typeof(SessionLogDto))]
[JsonSerializable(typeof(StatementDto))]
[JsonSerializable(typeof(StatementListDto))]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(MessageDto))]
[JsonSerializable(typeof(JournalDto))]
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(FaultIdDto))]
[JsonSerializable(typeof(StatsDto))]
[JsonSerializable(typeof(ForceStateRequest))]
[JsonSerializable(typeof(AppendLogRequest))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
