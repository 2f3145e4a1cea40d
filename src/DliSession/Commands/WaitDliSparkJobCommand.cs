using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Waits until Spark jobs end (success by default), polling each job's own state URL. All jobs given or piped in
/// are waited for at once, each with its own progress bar. A job that dies is the error DliSparkJobFailed, with
/// its last log lines; a job that succeeds is written.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "DliSparkJob")]
[OutputType(typeof(SparkJob))]
public sealed class WaitDliSparkJobCommand : PipedResourceCmdlet
{
    private ParallelWaits? _waits;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JobId")]
    [ArgumentCompleter(typeof(IdCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    /// <summary>The states to wait for; success by default. A dead job is an error unless dead is one of them.</summary>
    [Parameter]
    [SparkJobState(AllowWildcards = false)]
    [ArgumentCompleter(typeof(KnownValueCompleter<SparkJobStateAttribute>))]
    [ValidateNotNullOrEmpty]
    public string[] State { get; set; } = [SparkJobStates.Success];

    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = WaitDefaults.SparkJobTimeoutSec;

    [Parameter]
    [Alias("PollInterval")]
    [ValidateRange(0.1, 300)]
    public double PollIntervalSec { get; set; } = WaitDefaults.PollIntervalSec;

    protected override void ProcessDliRecord()
    {
        _waits ??= new ParallelWaits(this, Pump, WaitKind.SparkJob, State,
            TimeSpan.FromSeconds(TimeoutSec), TimeSpan.FromSeconds(PollIntervalSec));
        var client = Client();
        foreach (var id in Id) _waits.Add(client, id, CancelToken, NameOf(Id));
    }

    protected override void EndDliProcessing() => _waits?.WaitAll();
}
