using DliSession.Emulator.Json;
using DliSession.Emulator.Pipeline;

namespace DliSession.Emulator.Control;

/// <summary>The control API for batch jobs, under /_emulator/batches: make a driver fail, force a state, add log
/// lines. Like the rest of the control API: never authenticated, never journaled, loopback clients only.</summary>
internal static class BatchControlEndpoints
{
    private const string DefaultFailureReason = "the emulator's control API made the driver fail";

    public static void MapBatchControlEndpoints(this IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/_emulator/batches/{batchId}").AddEndpointFilter(LoopbackOnly.Filter);
        batches.MapPost("/fail", Fail);
        batches.MapPost("/state", ForceState);
        batches.MapPost("/log", AppendLog);
    }

    /// <summary>The body is optional: no body fails the driver with a stock reason.</summary>
    private static async Task<IResult> Fail(string batchId, HttpRequest request, BatchStore store)
    {
        var body = new FailBatchRequest(null, null);
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var read = await ControlEndpoints.ReadAsync(request, EmulatorJsonContext.Wire.FailBatchRequest);
            if (read is null) return ApiResults.Message("The body must be an object with reason (a string) and lines (an array of strings).", StatusCodes.Status400BadRequest);
            body = read;
        }
        if (store.Find(batchId) is not { } job) return ApiResults.BatchJobNotFound(batchId);
        var now = store.NowMs;
        var reason = string.IsNullOrWhiteSpace(body.Reason) ? DefaultFailureReason : body.Reason;
        return job.Fail(reason, body.Lines ?? [], now)
            ? ApiResults.Json(new BatchStateDto(job.Id, job.StateAt(now)), EmulatorJsonContext.Wire.BatchStateDto)
            : ApiResults.Message($"The batch job '{job.Id}' has already ended ({job.StateAt(now)}).", StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ForceState(string batchId, HttpRequest request, BatchStore store)
    {
        var body = await ControlEndpoints.ReadAsync(request, EmulatorJsonContext.Wire.ForceStateRequest);
        if (body?.State is not { } value || BatchStates.Parse(value) is not { } state)
            return ApiResults.Message($"state must be one of {string.Join(", ", BatchStates.All)}.", StatusCodes.Status400BadRequest);
        if (store.Find(batchId) is not { } job) return ApiResults.BatchJobNotFound(batchId);
        job.ForceState(state, store.NowMs);
        return ApiResults.Json(new BatchStateDto(job.Id, state), EmulatorJsonContext.Wire.BatchStateDto);
    }

    private static async Task<IResult> AppendLog(string batchId, HttpRequest request, BatchStore store)
    {
        var body = await ControlEndpoints.ReadAsync(request, EmulatorJsonContext.Wire.AppendLogRequest);
        if (!ControlEndpoints.IsValid(body)) return ControlEndpoints.AppendLogRefused();
        if (store.Find(batchId) is not { } job) return ApiResults.BatchJobNotFound(batchId);
        var now = store.NowMs;
        job.AppendLog(ControlEndpoints.LinesOf(body, now), now);
        return ApiResults.Message("appended");
    }
}
