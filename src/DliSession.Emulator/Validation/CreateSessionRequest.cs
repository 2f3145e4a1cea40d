namespace DliSession.Emulator.Validation;

/// <summary>What a valid create request decides about the session; the other fields are checked, then not needed.</summary>
/// <param name="Target">The queue when given, else the cluster name: the documented rule is that queue wins.</param>
/// <param name="ScType">A, B or C, or CUSTOMIZED when any sizing field overrides the type's defaults.</param>
internal sealed record CreateSessionRequest(string Kind, string Target, string Name, string ScType, int HeartbeatTimeoutSeconds);
