namespace DliSession.Emulator.Validation;

/// <summary>A request that breaks a documented rule; the message names the field and the rule, for DLI.0001.</summary>
internal sealed class RequestValidationException(string message) : Exception(message);
