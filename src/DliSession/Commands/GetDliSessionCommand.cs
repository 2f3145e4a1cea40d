using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Models;
using DliSession.Client.Paging;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>Gets sessions by id, or lists them page by page through the core's listing, writing each one as soon as its page arrives.</summary>
[Cmdlet(VerbsCommon.Get, "DliSession", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(SparkSession))]
public sealed class GetDliSessionCommand : DliCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(IdCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    /// <summary>Sent to the service: only sessions of this cluster (the Discarded variant's name for a queue).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(QueueCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    public string? ClusterName { get; set; }

    /// <summary>Sent to the service: only sessions of this queue.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(QueueCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    public string? Queue { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(NameCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [SupportsWildcards]
    [SessionState]
    [ArgumentCompleter(typeof(KnownValueCompleter<SessionStateAttribute>))]
    [ValidateNotNullOrEmpty]
    public string[]? State { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, 100_000)]
    public int PageSize { get; set; } = DliClient.DefaultPageSize;

    /// <summary>The most pages to request; the list stops there with a warning.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, int.MaxValue)]
    public int? MaxPages { get; set; }

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
        var paging = PagingParameters;
        // Names given without wildcards must each match something, as with Get-Process -Name: remember what matched.
        var matchedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var filter = names is null && states is null
            ? null
            : new Func<SparkSession, bool>(s =>
            {
                if (!Matches(s.Name, names) || !Matches(s.State, states)) return false;
                if (s.Name is not null) matchedNames.Add(s.Name);
                return true;
            });
        var listing = Client().ListSessions(new SessionListQuery(ClusterName, Queue), new ListingOptions<SparkSession>
        {
            Skip = paging.Skip,
            First = paging.First,
            PageSize = PageSize,
            Filter = filter,
            MaxPages = MaxPages,
        });
        var totalWritten = !paging.IncludeTotalCount;
        var written = 0UL;
        WriteAll(listing, session =>
        {
            if (!totalWritten) totalWritten = WriteTotal(listing, filter is not null);
            WriteObject(session);
            written++;
        });
        if (!totalWritten) WriteTotal(listing, filter is not null);
        // A listing cut short by -First has not seen every session, so it cannot say a name is missing.
        if (written < paging.First) ReportNamesNotFound(matchedNames);
    }

    private void ReportNamesNotFound(HashSet<string> matchedNames)
    {
        foreach (var name in Name ?? [])
        {
            if (WildcardPattern.ContainsWildcardCharacters(name) || matchedNames.Contains(name)) continue;
            var state = State is null ? string.Empty : $" in state {string.Join(" or ", State)}";
            WriteError(new ErrorRecord(new ItemNotFoundException($"No session named '{name}'{state} was found."),
                "DliSessionNameNotFound", ErrorCategory.ObjectNotFound, name));
        }
    }

    /// <summary>The count the first page reported; with local filters it says nothing about how many match, so it is "unknown".</summary>
    private bool WriteTotal(Listing<SparkSession> listing, bool filtered)
    {
        WriteObject(listing.Total is { } total && !filtered
            ? PagingParameters.NewTotalCount((ulong)total, 1.0)
            : PagingParameters.NewTotalCount(0, 0.0));
        return true;
    }

    private static WildcardPattern[]? Patterns(string[]? values) =>
        values?.Select(v => WildcardPattern.Get(v, WildcardOptions.IgnoreCase)).ToArray();

    private static bool Matches(string? value, WildcardPattern[]? patterns) =>
        patterns is null || patterns.Any(p => p.IsMatch(value ?? string.Empty));
}
