using System.Globalization;
using System.Text;
using System.Text.Json;
using DliSession.Client.Errors;
using DliSession.Client.Json;
using DliSession.Client.Logs;
using DliSession.Client.Models;
using DliSession.Client.Paging;
using DliSession.Client.Safety;

namespace DliSession.Client;

/// <summary>
/// DLI's Spark batch-job API (<c>/v2.0/{project_id}/batches</c>), one method per endpoint, over the same pipeline,
/// signing and error mapping as the session API.
/// </summary>
public sealed partial class DliClient
{
    public async Task<SparkJob> SubmitSparkJobAsync(SubmitSparkJobRequest request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, DliJsonContext.Default.SubmitSparkJobRequest);
        var wire = await SendAsync(HttpMethod.Post, "batches", body, DliJsonContext.Default.SparkJobWire, "a Spark job", cancellationToken)
            .ConfigureAwait(false);
        return WireMapper.ToSparkJob(wire, Context);
    }

    public async Task<SparkJob> GetSparkJobAsync(string id, CancellationToken cancellationToken)
    {
        var wire = await SendAsync(HttpMethod.Get, SparkJobPath(id), null, DliJsonContext.Default.SparkJobWire, "a Spark job", cancellationToken)
            .ConfigureAwait(false);
        return WireMapper.ToSparkJob(wire, Context);
    }

    /// <summary>The job's state from its own <c>/state</c> URL, as the service spells it.</summary>
    public async Task<string> GetSparkJobStateAsync(string id, CancellationToken cancellationToken)
    {
        var wire = await SendAsync(HttpMethod.Get, SparkJobPath(id) + "/state", null, DliJsonContext.Default.SparkJobStateWire,
            "a Spark job state", cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(wire.State)
            ? throw new DliResponseException(DliResponseException.WrongShape, "The service's JSON is not a Spark job state: it has no state.")
            : wire.State;
    }

    /// <summary>One page of the job list: <paramref name="from"/> is the offset of its first job.</summary>
    public async Task<Page<SparkJob>> ListSparkJobsPageAsync(SparkJobListQuery query, int from, int size, CancellationToken cancellationToken)
    {
        var wire = await SendAsync(HttpMethod.Get, "batches" + ListQueryString(query, from, size), null, DliJsonContext.Default.SparkJobListWire,
            "a Spark job list", cancellationToken).ConfigureAwait(false);
        var items = wire.Sessions ?? wire.Batches
            ?? throw new DliResponseException(DliResponseException.WrongShape, "The service's JSON is not a Spark job list: it has no sessions.");
        var jobs = new SparkJob[items.Count];
        for (var i = 0; i < jobs.Length; i++) jobs[i] = WireMapper.ToSparkJob(items[i], Context);
        return new Page<SparkJob>(from, wire.Total, jobs);
    }

    /// <summary>The jobs <paramref name="query"/> selects, streamed page by page (see <see cref="Listing{T}"/>).</summary>
    public Listing<SparkJob> ListSparkJobs(SparkJobListQuery query, ListingOptions<SparkJob> options) =>
        new((from, size, cancellationToken) => ListSparkJobsPageAsync(query, from, size, cancellationToken), options, _log,
            "Spark jobs", job => job.Id);

    /// <summary>
    /// The query of the list, parameters in the order Huawei's SDKs append them; only what is set is sent. The job id
    /// filter is <c>job-id</c>, with the hyphen, as in every SDK.
    /// </summary>
    internal static string ListQueryString(SparkJobListQuery query, int from, int size)
    {
        var text = new StringBuilder();
        void Add(string name, string? value)
        {
            if (value is null) return;
            text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        Add("cluster_name", query.ClusterName);
        Add("end", Milliseconds(query.Until));
        Add("from", from.ToString(CultureInfo.InvariantCulture));
        Add("job_name", query.Name);
        Add("job-id", query.JobId);
        Add("order", query.Order is { } order ? OrderText(order) : null);
        Add("queue_name", query.Queue);
        Add("size", size.ToString(CultureInfo.InvariantCulture));
        Add("start", Milliseconds(query.Since));
        Add("state", query.State);
        return text.ToString();
    }

    private static string? Milliseconds(DateTimeOffset? time) =>
        time?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string OrderText(SparkJobOrder order) => order switch
    {
        SparkJobOrder.CreateTimeDesc => "CREATE_TIME_DESC",
        SparkJobOrder.CreateTimeAsc => "CREATE_TIME_ASC",
        SparkJobOrder.DurationDesc => "DURATION_DESC",
        SparkJobOrder.DurationAsc => "DURATION_ASC",
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "Not a sort order of the Spark job list."),
    };

    /// <summary>A page of the job's log. DLI marks this endpoint deprecated but still documents it, and names no replacement.</summary>
    public async Task<Page<string>> GetSparkJobLogAsync(string id, SparkJobLogQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<string>(4);
        if (query.From is { } from) parameters.Add("from=" + from.ToString(CultureInfo.InvariantCulture));
        if (query.Index is { } index) parameters.Add("index=" + index.ToString(CultureInfo.InvariantCulture));
        if (query.Size is { } size) parameters.Add("size=" + size.ToString(CultureInfo.InvariantCulture));
        if (query.Type is { } type) parameters.Add("type=" + Uri.EscapeDataString(type));
        var path = SparkJobPath(id) + "/log" + (parameters.Count == 0 ? string.Empty : "?" + string.Join('&', parameters));
        var wire = await SendAsync(HttpMethod.Get, path, null, DliJsonContext.Default.SparkJobLogWire, "a Spark job log", cancellationToken)
            .ConfigureAwait(false);
        var lines = wire.Log ?? throw new DliResponseException(DliResponseException.WrongShape, "The service's JSON is not a Spark job log: it has no log.");
        var first = wire.From ?? query.From ?? 0;
        // Without a total, the lines sent are all there is.
        return new Page<string>(first, wire.Total ?? first + lines.Length, lines);
    }

    /// <summary>
    /// A job's log, to read in part, from its end, or to follow until the job ends; <paramref name="query"/> gives the
    /// log's type and index (its From and Size are each read's own).
    /// </summary>
    public LogSource SparkJobLog(string id, SparkJobLogQuery query) =>
        new($"Spark job '{id}'", (from, size, cancellationToken) => GetSparkJobLogAsync(id, query with { From = from, Size = size }, cancellationToken),
            cancellationToken => GetSparkJobStateAsync(id, cancellationToken), SparkJobStates.IsTerminal, _log);

    /// <summary>Cancels the job (<c>DELETE</c>); DLI refuses a job that has already ended, and that error is the caller's to see.</summary>
    public async Task CancelSparkJobAsync(string id, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, SparkJobPath(id), null, DliJsonContext.Default.MessageWire, "a confirmation", cancellationToken)
            .ConfigureAwait(false);

    private static string SparkJobPath(string id) => "batches/" + PathSegment.Escape(id, "the Spark job id");
}
