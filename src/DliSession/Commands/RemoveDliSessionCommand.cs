using System.Management.Automation;
using DliSession.Client;
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
public sealed class RemoveDliSessionCommand : ChangeEachCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(IdCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    private protected override string[] Ids => Id;

    private protected override string Noun => "session";

    private protected override string Action => "Delete the Spark session and lose its state";

    /// <summary>With -PassThru, the session as it was just before it was deleted.</summary>
    private protected override object? Change(DliClient client, string id)
    {
        var before = PassThru ? Await(client.GetSessionAsync(id, CancelToken)) : null;
        Await(client.DeleteSessionAsync(id, CancelToken));
        Pump.Verbose($"Deleted session {id}.");
        return before;
    }
}
