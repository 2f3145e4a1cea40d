using DliSession.Emulator.Json;
using DliSession.Emulator.Validation;

namespace DliSession.Emulator.Pipeline;

/// <summary>The error answers of the contract (dli-session-api §5), in one place so every endpoint words them alike.</summary>
internal static class ApiResults
{
    public static IResult Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, int status = StatusCodes.Status200OK) =>
        Results.Json(value, type, statusCode: status);

    /// <summary>The answer <paramref name="answer"/> gives, or DLI.0001 in its words when it refuses the request's
    /// body or query (a <see cref="RequestValidationException"/>).</summary>
    public static IResult Checked(Func<IResult> answer)
    {
        try
        {
            return answer();
        }
        catch (RequestValidationException e)
        {
            return InvalidParameter(e.Message);
        }
    }

    /// <summary>DLI.0001, parameter check error, with a message that names the field and the rule.</summary>
    public static IResult InvalidParameter(string message) =>
        Json(new ErrorDto("DLI.0001", message), EmulatorJsonContext.Wire.ErrorDto, StatusCodes.Status400BadRequest);

    /// <summary>DLI.0002, object does not exist; documented with 400, not 404.</summary>
    public static IResult SessionNotFound(string id) =>
        Json(new ErrorDto("DLI.0002", $"The session '{id}' does not exist."), EmulatorJsonContext.Wire.ErrorDto, StatusCodes.Status400BadRequest);

    public static IResult StatementNotFound(string sessionId, string statementId) =>
        Json(new ErrorDto("DLI.0002", $"The statement '{statementId}' of session '{sessionId}' does not exist."),
            EmulatorJsonContext.Wire.ErrorDto, StatusCodes.Status400BadRequest);

    public static IResult BatchJobNotFound(string id) =>
        Json(new ErrorDto("DLI.0002", $"The batch job '{id}' does not exist."), EmulatorJsonContext.Wire.ErrorDto, StatusCodes.Status400BadRequest);

    /// <summary>DLI.0007, operation not supported: OTC says a job that succeeded or failed cannot be cancelled but
    /// names no code; this one says what happened.</summary>
    public static IResult BatchJobAlreadyEnded(string id, string state) =>
        Json(new ErrorDto("DLI.0007", $"The batch job '{id}' has already ended ({state}); a job that succeeded or failed cannot be cancelled."),
            EmulatorJsonContext.Wire.ErrorDto, StatusCodes.Status400BadRequest);

    /// <summary>DLI.0013, user authentication error; the reason never repeats a secret.</summary>
    public static IResult Unauthorized(string reason) =>
        Json(new ErrorDto("DLI.0013", reason), EmulatorJsonContext.Wire.ErrorDto, StatusCodes.Status401Unauthorized);

    public static IResult Message(string message, int status = StatusCodes.Status200OK) =>
        Json(new MessageDto(message), EmulatorJsonContext.Wire.MessageDto, status);
}
