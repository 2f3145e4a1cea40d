using System.Globalization;
using System.Text.Json;
using DliSession.Emulator.Json;
using DliSession.Emulator.Pipeline;

namespace DliSession.Emulator.Control;

/// <summary>The test-only API under /_emulator/: never authenticated, never journaled, loopback clients only.</summary>
internal static class ControlEndpoints
{
    private const int MaxGeneratedLogLines = 1_000_000;

    public static void MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_emulator").AddEndpointFilter(LoopbackOnly.Filter);
        control.MapGet("/journal", GetJournal);
        control.MapDelete("/journal", (Journal journal) => { journal.Clear(); return ApiResults.Message("cleared"); });
        control.MapPost("/faults", AddFault);
        control.MapDelete("/faults", (FaultInjector faults) => { faults.Clear(); return ApiResults.Message("cleared"); });
        control.MapGet("/stats", (EmulatorStats stats, SessionStore store) => ApiResults.Json(
            new StatsDto(stats.Requests, stats.Connections, store.Count, stats.ServerMicroseconds), EmulatorJsonContext.Wire.StatsDto));
        control.MapPost("/sessions/{sessionId}/state", ForceState);
        control.MapPost("/sessions/{sessionId}/log", AppendLog);
        control.MapPost("/reset", Reset);
        control.MapPost("/shutdown", Shutdown);
    }

    private static IResult GetJournal(HttpRequest request, Journal journal)
    {
        var since = 0L;
        var value = request.Query["since"].ToString();
        if (value.Length > 0 && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out since))
            return ApiResults.Message("since must be a non-negative integer.", StatusCodes.Status400BadRequest);
        return ApiResults.Json(new JournalDto(journal.Since(since)), EmulatorJsonContext.Wire.JournalDto);
    }

    private static async Task<IResult> AddFault(HttpRequest request, FaultInjector faults)
    {
        var fault = await ReadAsync(request, EmulatorJsonContext.Wire.FaultRequest);
        if (fault is null) return ApiResults.Message("The body must be a fault object.", StatusCodes.Status400BadRequest);
        try
        {
            return ApiResults.Json(new FaultIdDto(faults.Add(fault)), EmulatorJsonContext.Wire.FaultIdDto);
        }
        catch (ArgumentException e)
        {
            return ApiResults.Message(e.Message, StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ForceState(string sessionId, HttpRequest request, SessionStore store)
    {
        var body = await ReadAsync(request, EmulatorJsonContext.Wire.ForceStateRequest);
        if (body?.State is not { } state || !SessionStates.All.Contains(state))
            return ApiResults.Message($"state must be one of {string.Join(", ", SessionStates.All)}.", StatusCodes.Status400BadRequest);
        if (store.Find(sessionId) is not { } session) return ApiResults.SessionNotFound(sessionId);
        session.ForceState(state, store.NowMs);
        return ApiResults.Json(new SessionStateDto(session.Id, state), EmulatorJsonContext.Wire.SessionStateDto);
    }

    private static async Task<IResult> AppendLog(string sessionId, HttpRequest request, SessionStore store)
    {
        var body = await ReadAsync(request, EmulatorJsonContext.Wire.AppendLogRequest);
        if (!IsValid(body)) return AppendLogRefused();
        if (store.Find(sessionId) is not { } session) return ApiResults.SessionNotFound(sessionId);
        var now = store.NowMs;
        session.AppendLog(LinesOf(body, now), now);
        return ApiResults.Message("appended");
    }

    /// <summary>An append-log body names the lines, or asks for <c>count</c> generated ones.</summary>
    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] AppendLogRequest? body) =>
        body is not null && (body.Lines is not null || body.Count is > 0 and <= MaxGeneratedLogLines);

    public static IResult AppendLogRefused() =>
        ApiResults.Message($"Give lines (an array of strings) or count (1-{MaxGeneratedLogLines}).", StatusCodes.Status400BadRequest);

    public static IEnumerable<string> LinesOf(AppendLogRequest body, long nowMs) =>
        body.Lines ?? Enumerable.Range(1, body.Count).Select(i => EmulatedLog.Line(nowMs, $"emulated log line {i} of {body.Count}"));

    private static IResult Reset(SessionStore store, BatchStore batches, Journal journal, FaultInjector faults)
    {
        store.Clear();
        batches.Clear();
        journal.Clear();
        faults.Clear();
        return ApiResults.Message("reset");
    }

    /// <summary>Stops the host after the answer is sent, so the caller sees it succeed.</summary>
    private static IResult Shutdown(HttpContext context, IHostApplicationLifetime lifetime)
    {
        context.Response.OnCompleted(() =>
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        });
        return ApiResults.Message("stopping");
    }

    /// <summary>The JSON body as <typeparamref name="T"/>, or null when it is not one.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
