using System.Management.Automation;
using DliSession.Client;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// What Remove-DliSession and Stop-DliSparkJob share: each id given or piped in is confirmed (ConfirmImpact High,
/// -Force answers the question, -WhatIf sends nothing; a piped one is asked about by name), changed, and with -PassThru
/// written.
/// </summary>
public abstract class ChangeEachCmdlet : PipedResourceCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The ids of this pipeline record.</summary>
    private protected abstract string[] Ids { get; }

    /// <summary>The noun of the prompt's target (<c>session</c>, <c>Spark job</c>).</summary>
    private protected abstract string Noun { get; }

    /// <summary>What the prompt says will happen to each.</summary>
    private protected abstract string Action { get; }

    /// <summary>Changes one resource and returns what -PassThru writes (null without it).</summary>
    private protected abstract object? Change(DliClient client, string id);

    protected sealed override void ProcessDliRecord()
    {
        var client = BlockingClient();
        var name = NameOf(Ids);
        foreach (var id in Ids)
        {
            if (!ShouldChange(ResourceLabel.Of(Noun, id, name), Action, Force)) continue;
            TryRun(id, () =>
            {
                if (Change(client, id) is { } written) WriteObject(written);
            });
        }
    }
}
