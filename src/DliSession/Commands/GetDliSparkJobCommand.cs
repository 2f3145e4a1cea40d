using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Models;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Gets Spark jobs by id, or lists them page by page, writing each job as soon as its page arrives. Every filter is
/// the service's own, so only matching jobs cross the network and -First/-Skip page on the server.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DliSparkJob", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(SparkJob))]
public sealed class GetDliSparkJobCommand : DliCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    // No JobId alias here, unlike the other job cmdlets: -JobId is the list's job-id filter.
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = [];

    /// <summary>Sent as <c>job_name</c>.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Sent as <c>queue_name</c>.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Queue { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? ClusterName { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet(SparkJobStates.Starting, SparkJobStates.Running, SparkJobStates.Recovering, SparkJobStates.Success, SparkJobStates.Dead)]
    public string? State { get; set; }

    /// <summary>Sent as <c>job-id</c>: the list filtered to one job id.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? JobId { get; set; }

    /// <summary>Jobs that started after this time (sent as <c>start</c>, epoch milliseconds).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Since { get; set; }

    /// <summary>Jobs that started before this time (sent as <c>end</c>, epoch milliseconds).</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Until { get; set; }

    /// <summary>Sent as <c>order</c>: by submission time or by run time, newest or longest first, or the reverse.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public SparkJobOrder? Order { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, 100_000)]
    public int PageSize { get; set; } = DliClient.DefaultPageSize;

    protected override void BeginProcessing()
    {
        if (Since is { } since && Until is { } until && since > until)
            ThrowTerminatingError(ErrorRecords.InvalidArgument("DliSinceAfterUntil",
                $"-Since ({since:u}) is after -Until ({until:u}), so no job can match.", Since));
    }

    protected override void ProcessDliRecord()
    {
        if (ParameterSetName == IdSet)
        {
            var client = Client();
            foreach (var id in Id)
                TryRun(id, () => WriteObject(Await(client.GetSparkJobAsync(id, CancelToken))));
        }
        else
        {
            TryRun(null, List);
        }
    }

    private SparkJobListQuery Query() => new()
    {
        Name = Name,
        Queue = Queue,
        ClusterName = ClusterName,
        State = State?.ToLowerInvariant(),
        JobId = JobId,
        Since = Since is { } since ? new DateTimeOffset(since) : null,
        Until = Until is { } until ? new DateTimeOffset(until) : null,
        Order = Order,
    };

    private void List()
    {
        var paging = PagingParameters;
        var client = Client();
        var query = Query();
        var from = (int)Math.Min(paging.Skip, int.MaxValue);
        var remaining = paging.First;
        var totalReported = false;
        while (remaining > 0)
        {
            var page = Await(client.ListSparkJobsPageAsync(query, from, (int)Math.Min((ulong)PageSize, remaining), CancelToken));
            if (paging.IncludeTotalCount && !totalReported)
            {
                totalReported = true;
                WriteObject(page.Total is { } total ? paging.NewTotalCount((ulong)total, 1.0) : paging.NewTotalCount(0, 0.0));
            }
            if (page.Jobs.Count == 0) return;
            foreach (var job in page.Jobs)
            {
                WriteObject(job);
                if (--remaining == 0) return;
            }
            from += page.Jobs.Count;
            if (page.Total is { } all && from >= all) return;
        }
    }
}
