using System.Management.Automation;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// A cmdlet that acts on sessions or jobs given by id, and names them in its prompt, -WhatIf line or progress bar when
/// they are piped in whole (<c>session 'nightly' (fd090caf…)</c>): their name binds by property name from the same
/// object as their id, so no request is sent to learn it (-WhatIf sends nothing).
/// </summary>
public abstract class PipedResourceCmdlet : DliCmdlet
{
    /// <summary>
    /// The name of the session or job piped in whole. Hidden, for it selects nothing. An -InputObject parameter set
    /// would not do: PowerShell binds a piped object with an Id property to the default (id) set first, so the set
    /// that takes the whole object would never be chosen.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? Name { get; set; }

    /// <summary>The name for the ids of this record: none when there are several, for it belongs to one resource.</summary>
    private protected string? NameOf(IReadOnlyCollection<string> ids) => ids.Count == 1 ? Name : null;
}
