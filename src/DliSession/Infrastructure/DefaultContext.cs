using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using DliSession.Client;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// The context Connect-Dli sets, kept per runspace in a global variable of that runspace: a Connect-Dli in one
/// runspace (a ForEach-Object -Parallel item, a thread job) never changes what another runspace's requests carry,
/// and the connection goes when the runspace's variables are reset, as ForEach-Object -Parallel does between the
/// items that reuse a runspace. A runspace with no such variable inherits the connection of the primary runspace
/// (the first one that used the module, normally the shell), so a Connect-Dli before ForEach-Object -Parallel or
/// Start-ThreadJob still serves the runspaces inside them. Contexts are immutable, so sharing one is safe.
/// </summary>
internal static class DefaultContext
{
    /// <summary>The variable, in the global scope of each runspace; <c>$null</c> in it means Disconnect-Dli.</summary>
    public const string VariableName = "DliSessionDefaultContext";

    private const string GlobalName = "global:" + VariableName;
    private static readonly Lock Gate = new();
    private static readonly ConditionalWeakTable<Runspace, PSVariableIntrinsics> Variables = new();
    private static Guid? _primary;
    private static DliContext? _inherited;

    /// <summary>The calling runspace's connection, else (if it never connected) the primary runspace's.</summary>
    public static DliContext? Get(PSCmdlet cmdlet) => Get(Remember(cmdlet));

    /// <summary>
    /// The same, for code that runs in a runspace but has no cmdlet, such as an argument completer: it reads the
    /// variables of the runspace's last DLI cmdlet (Runspace.SessionStateProxy cannot be used while a command runs).
    /// </summary>
    public static DliContext? ForCurrentRunspace() =>
        Get(Runspace.DefaultRunspace is { } runspace && Variables.TryGetValue(runspace, out var variables) ? variables : null);

    private static PSVariableIntrinsics Remember(PSCmdlet cmdlet)
    {
        var variables = cmdlet.SessionState.PSVariable;
        if (Runspace.DefaultRunspace is { } runspace) Variables.AddOrUpdate(runspace, variables);
        return variables;
    }

    private static DliContext? Get(PSVariableIntrinsics? variables)
    {
        var own = variables?.Get(GlobalName);
        lock (Gate)
        {
            ClaimPrimary();
            return own is not null ? own.Value as DliContext : _inherited;
        }
    }

    /// <summary>Sets (or with null, clears) the calling runspace's connection; in the primary runspace also the inherited one.</summary>
    public static void Set(PSCmdlet cmdlet, DliContext? context)
    {
        Remember(cmdlet).Set(GlobalName, context);
        lock (Gate)
        {
            if (ClaimPrimary()) _inherited = context;
        }
    }

    /// <summary>Whether the calling runspace is the primary one; the first runspace to ask becomes it.</summary>
    private static bool ClaimPrimary()
    {
        if (Runspace.DefaultRunspace is not { } runspace) return false;
        _primary ??= runspace.InstanceId;
        return _primary == runspace.InstanceId;
    }
}
