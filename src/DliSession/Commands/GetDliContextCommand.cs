using System.Management.Automation;
using DliSession.Client;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>Shows the context cmdlets will use: endpoint, region, project, how they authenticate. Never a secret.</summary>
[Cmdlet(VerbsCommon.Get, "DliContext")]
[OutputType(typeof(DliContext))]
public sealed class GetDliContextCommand : DliCmdlet
{
    protected override void ProcessDliRecord() => TryRun(null, () => WriteObject(ResolveContext()));
}
