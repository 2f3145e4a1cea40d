using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Deletes sessions. A deleted session's work is lost, so it asks first (ConfirmImpact High); -Force or
/// -Confirm:$false skip the question, and -WhatIf or $WhatIfPreference send nothing, -Force or not.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "DliSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SparkSession))]
public sealed class RemoveDliSessionCommand : DliCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(IdCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Writes each session as it was just before it was deleted.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessDliRecord()
    {
        var client = BlockingClient();
        foreach (var id in Id)
        {
            if (!ShouldChange($"session {id}", "Delete the Spark session and lose its state", Force)) continue;
            TryRun(id, () =>
            {
                var before = PassThru ? Await(client.GetSessionAsync(id, CancelToken)) : null;
                Await(client.DeleteSessionAsync(id, CancelToken));
                Pump.Verbose($"Deleted session {id}.");
                if (before is not null) WriteObject(before);
            });
        }
    }
}
