using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Models;
using DliSession.Client.Paging;
using DliSession.Commands.Binding;
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
    [ArgumentCompleter(typeof(IdCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    /// <summary>Sent as <c>job_name</c>.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(NameCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Sent as <c>queue_name</c>.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(QueueCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    public string? Queue { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(QueueCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    public string? ClusterName { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [SparkJobState(AllowWildcards = false)]
    [ArgumentCompleter(typeof(KnownValueCompleter<SparkJobStateAttribute>))]
    [ValidateNotNullOrEmpty]
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

    /// <summary>The most pages to request; the list stops there with a warning.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, int.MaxValue)]
    public int? MaxPages { get; set; }

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
            var client = BlockingClient();
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
        State = State,
        JobId = JobId,
        Since = Since is { } since ? new DateTimeOffset(since) : null,
        Until = Until is { } until ? new DateTimeOffset(until) : null,
        Order = Order,
    };

    private void List()
    {
        var paging = PagingParameters;
        var listing = Client().ListSparkJobs(Query(), new ListingOptions<SparkJob>
        {
            Skip = paging.Skip,
            First = paging.First,
            PageSize = PageSize,
            MaxPages = MaxPages,
        });
        var totalWritten = !paging.IncludeTotalCount;
        WriteAll(listing, job =>
        {
            if (!totalWritten) totalWritten = WriteTotal(listing);
            WriteObject(job);
        });
        if (!totalWritten) WriteTotal(listing);
    }

    /// <summary>The total DLI reported for the filters, all server-side, so it is exact; unknown when DLI did not say.</summary>
    private bool WriteTotal(Listing<SparkJob> listing)
    {
        WriteObject(listing.Total is { } total
            ? PagingParameters.NewTotalCount((ulong)total, 1.0)
            : PagingParameters.NewTotalCount(0, 0.0));
        return true;
    }
}
