using System.Management.Automation;
using DliSession.Client;
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
public sealed class StopDliSparkJobCommand : ChangeEachCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JobId")]
    [ArgumentCompleter(typeof(IdCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    private protected override string[] Ids => Id;

    private protected override string Noun => "Spark job";

    private protected override string Action => "Cancel the Spark job and lose its work";

    /// <summary>With -PassThru, the job as it is once cancelled.</summary>
    private protected override object? Change(DliClient client, string id)
    {
        Await(client.CancelSparkJobAsync(id, CancelToken));
        Pump.Verbose($"Cancelled Spark job {id}.");
        return PassThru ? Await(client.GetSparkJobAsync(id, CancelToken)) : null;
    }
}
