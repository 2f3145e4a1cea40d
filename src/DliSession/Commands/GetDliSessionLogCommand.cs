using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Paging;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>Writes a session's log lines in order, page by page, so long logs stream instead of arriving at once.</summary>
[Cmdlet(VerbsCommon.Get, "DliSessionLog", DefaultParameterSetName = RangeSet)]
[OutputType(typeof(string))]
public sealed class GetDliSessionLogCommand : DliCmdlet
{
    private const string RangeSet = "Range";
    private const string TailSet = "Tail";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(IdCompleter<SessionListing>))]
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

    /// <summary>Only the last lines.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TailSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Tail { get; set; }

    /// <summary>The most pages to request; the log stops there with a warning.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [ValidateRange(1, int.MaxValue)]
    public int? MaxPages { get; set; }

    private LogLineOutput? _output;

    /// <summary>Lines say their session; the view shows it once lines of several can mix (several ids, or piped ones).</summary>
    private LogLineOutput Output => _output ??= new("SessionId", showSource: Id.Length > 1 || MyInvocation.ExpectingInput);

    protected override void ProcessDliRecord()
    {
        var client = Client();
        foreach (var id in Id)
            TryRun(id, () => WriteLines(client, id));
    }

    private void WriteLines(DliClient client, string id)
    {
        if (ParameterSetName == TailSet)
        {
            // Without "from", the service answers with the last "size" lines.
            foreach (var line in Await(client.GetSessionLogAsync(id, from: null, size: Tail, CancelToken)).Items) WriteObject(Output.Line(line, id));
            return;
        }
        WriteAll(client.ReadSessionLog(id, new ListingOptions<string>
        {
            Skip = (ulong)From,
            First = Size is { } size ? (ulong)size : ulong.MaxValue,
            MaxPages = MaxPages,
        }), line => WriteObject(Output.Line(line, id)));
    }
}
