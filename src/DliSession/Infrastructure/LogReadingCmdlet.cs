using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Logs;
using DliSession.Client.Paging;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// What Get-DliSessionLog and Get-DliSparkJobLog share: a range of lines read page by page, the last lines, and
/// -Wait, which goes on writing lines as they come until the session or job ends. The cmdlets add only their -Id
/// (its alias and completion differ) and say which log an id names.
/// </summary>
public abstract class LogReadingCmdlet : DliCmdlet
{
    private protected const string RangeSet = "Range";
    private protected const string TailSet = "Tail";

    /// <summary>The index of the first line to write (0 is the first line of the log).</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [ValidateRange(0, int.MaxValue)]
    public int From { get; set; }

    /// <summary>How many lines to write at most.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [ValidateRange(1, int.MaxValue)]
    public int? Size { get; set; }

    /// <summary>Only the last lines (and, with -Wait, the lines that come after them).</summary>
    [Parameter(Mandatory = true, ParameterSetName = TailSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Tail { get; set; }

    /// <summary>The most pages to request (with -Wait, per look for new lines); the log stops there with a warning.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [ValidateRange(1, int.MaxValue)]
    public int? MaxPages { get; set; }

    /// <summary>Goes on writing new lines as they come until the session or job ends, like Get-Content -Wait.</summary>
    [Parameter(ParameterSetName = RangeSet)]
    [Parameter(ParameterSetName = TailSet)]
    public SwitchParameter Wait { get; set; }

    /// <summary>With -Wait, the steady pause between looks for new lines.</summary>
    [Parameter]
    [Alias("PollInterval")]
    [ValidateRange(0.1, 300)]
    public double PollIntervalSec { get; set; } = WaitDefaults.PollIntervalSec;

    private LogLineOutput? _output;

    /// <summary>The ids whose logs to write.</summary>
    private protected abstract string[] Ids { get; }

    /// <summary>The note property naming a line's session or job.</summary>
    private protected abstract string SourceProperty { get; }

    /// <summary>The log <paramref name="id"/> names.</summary>
    private protected abstract LogSource Log(DliClient client, string id);

    /// <summary>Lines say their source; the view shows it once lines of several can mix (several ids, or piped ones).</summary>
    private LogLineOutput Output => _output ??= new(SourceProperty, showSource: Ids.Length > 1 || MyInvocation.ExpectingInput);

    protected override void BeginProcessing()
    {
        if (MyInvocation.BoundParameters.ContainsKey(nameof(PollIntervalSec)) && !Wait)
            ThrowTerminatingError(ErrorRecords.InvalidArgument("DliPollIntervalWithoutWait",
                "-PollIntervalSec only applies with -Wait: without it the log is read once.", PollIntervalSec));
    }

    protected sealed override void ProcessDliRecord()
    {
        var client = Client();
        // Followed one after another, in order: each -Wait ends when its session or job does.
        foreach (var id in Ids)
            TryRun(id, () => WriteLines(Log(client, id), id));
    }

    private void WriteLines(LogSource log, string id)
    {
        void write(string line) => WriteObject(Output.Line(line, id));
        if (Wait)
        {
            WriteAll(log.Follow(new LogFollowOptions
            {
                From = From,
                Last = ParameterSetName == TailSet ? Tail : null,
                First = Size is { } most ? (ulong)most : ulong.MaxValue,
                MaxPages = MaxPages,
                Interval = TimeSpan.FromSeconds(PollIntervalSec),
            }, TimeProvider.System), write);
            return;
        }
        if (ParameterSetName == TailSet)
        {
            foreach (var line in Await(log.ReadLastAsync(Tail, CancelToken)).Items) write(line);
            return;
        }
        WriteAll(log.Read(new ListingOptions<string>
        {
            Skip = (ulong)From,
            First = Size is { } size ? (ulong)size : ulong.MaxValue,
            MaxPages = MaxPages,
        }), write);
    }
}
