using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Models;
using DliSession.Client.Paging;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Writes a Spark job's log lines in order, page by page, so long logs stream instead of arriving at once. DLI marks
/// this endpoint deprecated, though it still documents and serves it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DliSparkJobLog", DefaultParameterSetName = RangeSet)]
[OutputType(typeof(string))]
public sealed class GetDliSparkJobLogCommand : DliCmdlet
{
    private const string RangeSet = "Range";
    private const string TailSet = "Tail";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JobId")]
    [ArgumentCompleter(typeof(IdCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    /// <summary>The index of the first line to write (0 is the first line of the log).</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [ValidateRange(0, int.MaxValue)]
    public int From { get; set; }

    /// <summary>How many lines to write at most.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [ValidateRange(1, int.MaxValue)]
    public int? Size { get; set; }

    /// <summary>The most pages to request; the log stops there with a warning.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [ValidateRange(1, int.MaxValue)]
    public int? MaxPages { get; set; }

    /// <summary>Only the last lines.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TailSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Tail { get; set; }

    /// <summary>Driver: the Spark driver's log.</summary>
    [Parameter]
    [ValidateSet("Driver")]
    public string? Type { get; set; }

    /// <summary>Which driver log of a job that was retried (0 is the first run); implies -Type Driver.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? Index { get; set; }

    private LogLineOutput? _output;

    /// <summary>Lines say their job; the view shows it once lines of several can mix (several ids, or piped ones).</summary>
    private LogLineOutput Output => _output ??= new("JobId", showSource: Id.Length > 1 || MyInvocation.ExpectingInput);

    protected override void ProcessDliRecord()
    {
        var client = Client();
        foreach (var id in Id)
            TryRun(id, () => WriteLines(client, id));
    }

    private void WriteLines(DliClient client, string id)
    {
        var query = new SparkJobLogQuery { Type = Type?.ToLowerInvariant(), Index = Index };
        if (ParameterSetName == TailSet)
        {
            // Without "from", the service answers with the last "size" lines.
            foreach (var line in Await(client.GetSparkJobLogAsync(id, query with { Size = Tail }, CancelToken)).Items) WriteObject(Output.Line(line, id));
            return;
        }
        WriteAll(client.ReadSparkJobLog(id, query, new ListingOptions<string>
        {
            Skip = (ulong)From,
            First = Size is { } size ? (ulong)size : ulong.MaxValue,
            MaxPages = MaxPages,
        }), line => WriteObject(Output.Line(line, id)));
    }
}
