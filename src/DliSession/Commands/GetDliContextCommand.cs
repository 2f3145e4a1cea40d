using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Auth;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Shows the context cmdlets will use: endpoint, region, project, how they authenticate. Never a secret. Nothing when
/// there is none (after Disconnect-Dli, with nothing in the environment or credentials file), as a Get- cmdlet
/// with nothing to get; -Verbose says what is missing.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DliContext")]
[OutputType(typeof(DliContext))]
public sealed class GetDliContextCommand : DliCmdlet
{
    protected override void ProcessDliRecord()
    {
        try
        {
            WriteObject(ResolveContext());
        }
        catch (DliCredentialException ex)
        {
            Pump.Verbose($"No DLI context: {ex.Message}");
        }
    }
}
