using System.Text.Json.Serialization;
using DliSession.Client.Models;

namespace DliSession.Client.Json;

/// <summary>
/// Source-generated serialization for every body the module reads or writes: no reflection at run time, which keeps
/// the first call fast in a fresh pwsh.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(SessionWire))]
[JsonSerializable(typeof(SessionListWire))]
[JsonSerializable(typeof(SessionStateWire))]
[JsonSerializable(typeof(SessionLogWire))]
[JsonSerializable(typeof(StatementWire))]
[JsonSerializable(typeof(StatementListWire))]
[JsonSerializable(typeof(StatementOutputWire))]
[JsonSerializable(typeof(CreateStatementWire))]
[JsonSerializable(typeof(ErrorWire))]
[JsonSerializable(typeof(MessageWire))]
[JsonSerializable(typeof(SubmitSparkJobRequest))]
[JsonSerializable(typeof(SparkJobWire))]
[JsonSerializable(typeof(SparkJobListWire))]
[JsonSerializable(typeof(SparkJobStateWire))]
[JsonSerializable(typeof(SparkJobLogWire))]
internal sealed partial class DliJsonContext : JsonSerializerContext;
