using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>Gets sessions by id, or lists them page by page, writing each one as soon as its page arrives.</summary>
[Cmdlet(VerbsCommon.Get, "DliSession", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(SparkSession))]
public sealed class GetDliSessionCommand : DliCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = [];

    /// <summary>Sent to the service: only sessions of this cluster (the Discarded variant's name for a queue).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? ClusterName { get; set; }

    /// <summary>Sent to the service: only sessions of this queue.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Queue { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(SessionStateCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? State { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, 100_000)]
    public int PageSize { get; set; } = DliClient.DefaultPageSize;

    protected override void BeginProcessing()
    {
        if (ClusterName is not null && Queue is not null)
            ThrowTerminatingError(ErrorRecords.InvalidArgument("DliClusterAndQueue",
                "-ClusterName and -Queue cannot be used together: DLI filters the list by one of them.", Queue));
    }

    protected override void ProcessDliRecord()
    {
        if (ParameterSetName == IdSet)
        {
            var client = BlockingClient();
            foreach (var id in Id)
                TryRun(id, () => WriteObject(Await(client.GetSessionAsync(id, CancelToken))));
        }
        else
        {
            TryRun(null, List);
        }
    }

    private void List()
    {
        var names = Patterns(Name);
        var states = Patterns(State);
        var filtered = names is not null || states is not null;
        var paging = PagingParameters;
        // Without local filters the service can skip and stop for us; with them every session must be seen.
        var start = filtered ? 0 : (int)Math.Min(paging.Skip, int.MaxValue);
        var toSkip = filtered ? paging.Skip : 0;
        var remaining = paging.First;
        var pageSize = filtered ? PageSize : (int)Math.Min((ulong)PageSize, Math.Max(remaining, 1));
        var totalReported = false;

        // The next page is asked for once a page's first session is out, so the service and the network work while
        // PowerShell writes the rest; the first session still comes out before the second page is requested.
        using var listing = CancellationTokenSource.CreateLinkedTokenSource(CancelToken);
        var pages = Client().ListSessionPagesAsync(new SessionListQuery(ClusterName, Queue), start, pageSize, listing.Token)
            .GetAsyncEnumerator(listing.Token);
        Task<bool>? next = null;
        try
        {
            while (remaining > 0 && Pump.Wait(next ?? pages.MoveNextAsync().AsTask()))
            {
                next = null;
                var page = pages.Current;
                // Only when this page cannot satisfy -First, so a short listing never costs an extra request.
                var needsNext = remaining > (ulong)page.Sessions.Count;
                if (paging.IncludeTotalCount && !totalReported)
                {
                    totalReported = true;
                    WriteObject(page.Total is { } total && !filtered
                        ? paging.NewTotalCount((ulong)total, 1.0)
                        : paging.NewTotalCount(0, 0.0));
                }
                foreach (var session in page.Sessions)
                {
                    if (!Matches(session.Name, names) || !Matches(session.State, states)) continue;
                    if (toSkip > 0) { toSkip--; continue; }
                    WriteObject(session);
                    if (needsNext && next is null) next = pages.MoveNextAsync().AsTask();
                    if (--remaining == 0) break;
                }
            }
        }
        finally
        {
            // Left early (stopped downstream, Ctrl+C, an error) with a page on its way: it is not wanted, and the
            // iterator cannot be disposed until it lands, so cancel it and let it end.
            if (next is { IsCompleted: false })
            {
                listing.Cancel();
                try { Pump.Wait(next); }
                catch (Exception ex) when (ex is OperationCanceledException or DliSession.Client.Errors.DliException) { }
            }
            Pump.Wait(pages.DisposeAsync().AsTask());
        }
    }

    private static WildcardPattern[]? Patterns(string[]? values) =>
        values?.Select(v => WildcardPattern.Get(v, WildcardOptions.IgnoreCase)).ToArray();

    private static bool Matches(string? value, WildcardPattern[]? patterns) =>
        patterns is null || patterns.Any(p => p.IsMatch(value ?? string.Empty));
}
