using System.Globalization;
using DliSession.Emulator.Json;
using DliSession.Emulator.Pipeline;
using DliSession.Emulator.Validation;

namespace DliSession.Emulator;

/// <summary>The four statement operations of dli-session-api §1/§3. Every call on a session's URL is its heartbeat.</summary>
internal static class StatementEndpoints
{
    public static void MapStatementEndpoints(this IEndpointRouteBuilder app)
    {
        var statements = app.MapGroup(SessionEndpoints.Route + "/{sessionId}/statements");
        statements.MapPost("", Create);
        statements.MapGet("", List);
        statements.MapGet("/{statementId}", Get);
        statements.MapPost("/{statementId}/cancel", Cancel);
    }

    private static IResult Create(string sessionId, HttpContext context, SessionStore store)
    {
        if (store.FindForRequest(sessionId) is not { } session) return ApiResults.SessionNotFound(sessionId);
        return ApiResults.Checked(() =>
        {
            var code = CreateStatementValidator.Validate(BufferedRequestBody.Of(context));
            var now = store.NowMs;
            // Livy's require(isActive) failure, answered the way Livy answers it.
            return session.TryAddStatement(code, now) is { } statement
                ? ApiResults.Json(statement.ToDto(now), EmulatorJsonContext.Wire.StatementDto)
                : ApiResults.Message("requirement failed: Session isn't active.", StatusCodes.Status400BadRequest);
        });
    }

    private static IResult List(string sessionId, SessionStore store) =>
        store.FindForRequest(sessionId) is { } session
            ? ApiResults.Json(session.StatementList(store.NowMs), EmulatorJsonContext.Wire.StatementListDto)
            : ApiResults.SessionNotFound(sessionId);

    private static IResult Get(string sessionId, string statementId, SessionStore store)
    {
        if (store.FindForRequest(sessionId) is not { } session) return ApiResults.SessionNotFound(sessionId);
        return ParseId(statementId) is { } id && session.Statement(id, store.NowMs) is { } statement
            ? ApiResults.Json(statement, EmulatorJsonContext.Wire.StatementDto)
            : ApiResults.StatementNotFound(sessionId, statementId);
    }

    private static IResult Cancel(string sessionId, string statementId, SessionStore store)
    {
        if (store.FindForRequest(sessionId) is not { } session) return ApiResults.SessionNotFound(sessionId);
        return ParseId(statementId) is { } id && session.TryCancelStatement(id, store.NowMs)
            ? ApiResults.Message("canceled")
            : ApiResults.StatementNotFound(sessionId, statementId);
    }

    private static int? ParseId(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
