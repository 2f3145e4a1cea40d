using System.Management.Automation;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>Forgets the context Connect-Dli set; later cmdlets fall back to the environment and the credentials file.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Dli")]
[OutputType(typeof(void))]
public sealed class DisconnectDliCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (DefaultContext.Get(this) is { } context) WriteVerbose($"Disconnected from {context}.");
        DefaultContext.Set(this, null);
    }
}
