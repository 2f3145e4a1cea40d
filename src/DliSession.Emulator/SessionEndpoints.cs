using DliSession.Emulator.Json;
using DliSession.Emulator.Pipeline;
using DliSession.Emulator.Validation;

namespace DliSession.Emulator;

/// <summary>The six session operations of dli-session-api §1, with Livy's paging and heartbeat semantics (§8).</summary>
internal static class SessionEndpoints
{
    public const string Route = "/v2.0/{projectId}/sessions";

    public static void MapSessionEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource(Route, "sessionId", Create, List, Get, GetState, GetLog, Delete);

    private static IResult Create(HttpContext context, SessionStore store) => ApiResults.Checked(() =>
    {
        var session = store.Create(CreateSessionValidator.Validate(BufferedRequestBody.Of(context)), Caller.NameOf(context));
        return ApiResults.Json(session.ToDto(store.NowMs), EmulatorJsonContext.Wire.SessionDto);
    });

    /// <summary>Livy's list: <c>from</c> is an offset in creation order, <c>total</c> counts every match. Does not
    /// count as a heartbeat, as in Livy. Only the page is serialized, so 100000 sessions stay cheap.</summary>
    private static IResult List(HttpRequest request, SessionStore store) => ApiResults.Checked(() =>
    {
        var (from, size) = QueryParameters.Window(request);
        var clusterName = QueryParameters.OptionalString(request, "cluster_name");
        var queue = QueryParameters.OptionalString(request, "queue");
        if (clusterName is not null && queue is not null)
            throw new RequestValidationException("Give cluster_name or queue, not both.");
        var offset = from ?? 0;
        var (total, page) = store.Page(queue ?? clusterName, offset, size);
        var now = store.NowMs;
        return ApiResults.Json(new SessionListDto(offset, total, [.. page.Select(s => s.ToDto(now))]), EmulatorJsonContext.Wire.SessionListDto);
    });

    private static IResult Get(string sessionId, SessionStore store) =>
        store.FindForRequest(sessionId) is { } session
            ? ApiResults.Json(session.ToDto(store.NowMs), EmulatorJsonContext.Wire.SessionDto)
            : ApiResults.SessionNotFound(sessionId);

    private static IResult GetState(string sessionId, SessionStore store) =>
        store.FindForRequest(sessionId) is { } session
            ? ApiResults.Json(new SessionStateDto(session.Id, session.StateAt(store.NowMs)), EmulatorJsonContext.Wire.SessionStateDto)
            : ApiResults.SessionNotFound(sessionId);

    /// <summary>The query is checked before the session is looked up, which is its heartbeat.</summary>
    private static IResult GetLog(string sessionId, HttpRequest request, SessionStore store) => ApiResults.Checked(() =>
    {
        var (from, size) = QueryParameters.Window(request);
        return store.FindForRequest(sessionId) is { } session
            ? ApiResults.Json(session.LogPage(from, size, store.NowMs), EmulatorJsonContext.Wire.SessionLogDto)
            : ApiResults.SessionNotFound(sessionId);
    });

    private static IResult Delete(string sessionId, SessionStore store) =>
        store.FindForRequest(sessionId) is not null && store.Remove(sessionId)
            ? ApiResults.Message("deleted")
            : ApiResults.SessionNotFound(sessionId);
}
