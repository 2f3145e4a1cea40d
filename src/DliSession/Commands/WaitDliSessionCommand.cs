using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Waits until sessions reach a state (idle by default), polling each session's own state URL, which also keeps
/// its heartbeat alive. All sessions given or piped in are waited for at once, each with its own progress bar.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "DliSession")]
[OutputType(typeof(SparkSession))]
public sealed class WaitDliSessionCommand : PipedResourceCmdlet
{
    private ParallelWaits? _waits;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(IdCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    [Parameter]
    [SessionState(AllowWildcards = false)]
    [ArgumentCompleter(typeof(KnownValueCompleter<SessionStateAttribute>))]
    [ValidateNotNullOrEmpty]
    public string[] State { get; set; } = [SessionStates.Idle];

    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = WaitDefaults.TimeoutSec;

    [Parameter]
    [Alias("PollInterval")]
    [ValidateRange(0.1, 300)]
    public double PollIntervalSec { get; set; } = WaitDefaults.PollIntervalSec;

    protected override void ProcessDliRecord()
    {
        _waits ??= new ParallelWaits(this, Pump, WaitKind.Session, State, TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec));
        var client = Client();
        foreach (var id in Id) _waits.Add(client, id, CancelToken, NameOf(Id));
    }

    protected override void EndDliProcessing() => _waits?.WaitAll();
}
