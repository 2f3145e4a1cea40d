using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Cancels statements: waiting or running ones become cancelled; finished ones stay as they are. Statements from
/// Get-DliStatement or Invoke-DliStatement -NoWait bind by property name (SessionId, Id and Context); so does a session
/// piped in with -Id, and the prompt names it.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "DliStatement", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SparkStatement))]
public sealed class StopDliStatementCommand : PipedResourceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string SessionId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, int.MaxValue)]
    public int[] Id { get; set; } = [];

    /// <summary>Writes each statement as it is after the cancel.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessDliRecord()
    {
        var client = BlockingClient();
        foreach (var id in Id)
        {
            if (!ShouldChange($"statement {id} in {ResourceLabel.Of("session", SessionId, Name)}", "Cancel the statement")) continue;
            TryRun($"{SessionId}/{id}", () =>
            {
                Await(client.CancelStatementAsync(SessionId, id, CancelToken));
                if (PassThru) WriteObject(Await(client.GetStatementAsync(SessionId, id, CancelToken)));
            });
        }
    }
}
