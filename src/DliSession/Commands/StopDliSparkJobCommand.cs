using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Cancels Spark jobs: <c>DELETE /v2.0/{project_id}/batches/{batch_id}</c>. A cancelled job's work is lost, so it
/// asks first (ConfirmImpact High); -Force or -Confirm:$false skip the question, and -WhatIf or $WhatIfPreference send
/// nothing, -Force or not. DLI refuses to cancel a job
/// that has already ended, and its error is written for that job.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "DliSparkJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SparkJob))]
public sealed class StopDliSparkJobCommand : DliCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JobId")]
    [ArgumentCompleter(typeof(IdCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes each job as it is once cancelled.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessDliRecord()
    {
        var client = BlockingClient();
        foreach (var id in Id)
        {
            if (!ShouldChange($"Spark job {id}", "Cancel the Spark job and lose its work", Force)) continue;
            TryRun(id, () =>
            {
                Await(client.CancelSparkJobAsync(id, CancelToken));
                Pump.Verbose($"Cancelled Spark job {id}.");
                if (PassThru) WriteObject(Await(client.GetSparkJobAsync(id, CancelToken)));
            });
        }
    }
}
