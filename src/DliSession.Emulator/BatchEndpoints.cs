using DliSession.Emulator.Json;
using DliSession.Emulator.Pipeline;
using DliSession.Emulator.Validation;

namespace DliSession.Emulator;

/// <summary>The six Spark batch-job operations of dli-batch-api §2, with the wire names of Huawei's SDKs.</summary>
internal static class BatchEndpoints
{
    public const string Route = "/v2.0/{projectId}/batches";

    /// <summary>The driver log, the only log type documented (§5.2).</summary>
    private const string DriverLogType = "driver";

    /// <summary>List parameters that older documents or SDK releases spelled differently (§9 rows 2 and 19). The
    /// service's behaviour for them is unknown; answering DLI.0001 makes such a client fail loudly, not list everything.</summary>
    private static readonly Dictionary<string, string> RetiredListParameters = new(StringComparer.Ordinal)
    {
        ["job_id"] = "job-id",
        ["job-name"] = "job_name",
    };

    public static void MapBatchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResource(Route, "batchId", Create, List, Get, GetState, GetLog, Cancel);

    private static IResult Create(HttpContext context, BatchStore store) => ApiResults.Checked(() =>
    {
        var job = store.Create(CreateBatchValidator.Validate(BufferedRequestBody.Of(context)), Caller.NameOf(context));
        return ApiResults.Json(job.ToDto(BatchJobForm.Created, store.NowMs), EmulatorJsonContext.Wire.BatchJobDto);
    });

    /// <summary><c>from</c> is an offset into the matching jobs in the requested order, <c>total</c> counts every
    /// match. Only the page is serialized, so 100000 jobs stay cheap.</summary>
    private static IResult List(HttpRequest request, BatchStore store) => ApiResults.Checked(() =>
    {
        var query = ParseQuery(request);
        var (total, page) = store.Page(query);
        var now = store.NowMs;
        return ApiResults.Json(new BatchListDto(query.From, total, [.. page.Select(j => j.ToDto(BatchJobForm.ListItem, now))], now),
            EmulatorJsonContext.Wire.BatchListDto);
    });

    private static BatchQuery ParseQuery(HttpRequest request)
    {
        foreach (var (retired, current) in RetiredListParameters)
            if (request.Query.ContainsKey(retired))
                throw new RequestValidationException($"{retired} is not a parameter of this API; the filter is {current}.");
        var state = QueryParameters.OptionalString(request, "state") is { } stateValue
            ? BatchStates.Parse(stateValue) ?? throw new RequestValidationException($"state must be one of {string.Join(", ", BatchStates.All)}.")
            : null;
        var order = QueryParameters.OptionalString(request, "order") is { } orderValue
            ? BatchQuery.Orders.FirstOrDefault(o => o.Equals(orderValue, StringComparison.OrdinalIgnoreCase))
                ?? throw new RequestValidationException($"order must be one of {string.Join(", ", BatchQuery.Orders)}.")
            : null;
        var start = QueryParameters.OptionalNonNegativeLong(request, "start");
        var end = QueryParameters.OptionalNonNegativeLong(request, "end");
        var (from, size) = QueryParameters.Window(request);
        return new BatchQuery(
            JobName: QueryParameters.OptionalString(request, "job_name"),
            QueueName: QueryParameters.OptionalString(request, "queue_name"),
            ClusterName: QueryParameters.OptionalString(request, "cluster_name"),
            Owner: QueryParameters.OptionalString(request, "owner"),
            State: state,
            JobId: QueryParameters.OptionalString(request, "job-id"),
            Start: start,
            End: end,
            Order: order,
            From: from ?? 0,
            Size: size);
    }

    private static IResult Get(string batchId, BatchStore store) =>
        store.Find(batchId) is { } job
            ? ApiResults.Json(job.ToDto(BatchJobForm.Detail, store.NowMs), EmulatorJsonContext.Wire.BatchJobDto)
            : ApiResults.BatchJobNotFound(batchId);

    private static IResult GetState(string batchId, BatchStore store) =>
        store.Find(batchId) is { } job
            ? ApiResults.Json(new BatchStateDto(job.Id, job.StateAt(store.NowMs)), EmulatorJsonContext.Wire.BatchStateDto)
            : ApiResults.BatchJobNotFound(batchId);

    /// <summary>§5.2: without <c>type</c> and <c>index</c> the whole log; <c>type=driver</c> (implied by <c>index</c>)
    /// one driver's log, the first run's unless <c>index</c> names a retry.</summary>
    private static IResult GetLog(string batchId, HttpRequest request, BatchStore store)
    {
        if (store.Find(batchId) is not { } job) return ApiResults.BatchJobNotFound(batchId);
        return ApiResults.Checked(() =>
        {
            var (from, size) = QueryParameters.Window(request);
            var type = QueryParameters.OptionalString(request, "type");
            if (type is not null && !type.Equals(DriverLogType, StringComparison.OrdinalIgnoreCase))
                throw new RequestValidationException($"type must be {DriverLogType}.");
            var index = QueryParameters.OptionalNonNegative(request, "index");
            var driver = index ?? (type is null ? null : 0);
            return ApiResults.Json(job.LogPage(from, size, driver, store.NowMs), EmulatorJsonContext.Wire.BatchLogDto);
        });
    }

    private static IResult Cancel(string batchId, BatchStore store)
    {
        if (store.Find(batchId) is not { } job) return ApiResults.BatchJobNotFound(batchId);
        var now = store.NowMs;
        return job.Cancel(now) ? ApiResults.Message("deleted") : ApiResults.BatchJobAlreadyEnded(job.Id, job.StateAt(now));
    }
}
