using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Errors;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// What every DLI cmdlet shares: the <c>-Context</c> parameter and its fallbacks, cancellation on Ctrl+C, the
/// pump that keeps writes on the pipeline thread, and the conversion of core failures to error records.
/// </summary>
public abstract class DliCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stopping = new();
    private PipelinePump? _pump;
    private DliContext? _resolved;

    /// <summary>
    /// The connection to use. Sessions and statements carry the context they came from, so in a pipeline it binds
    /// from them by property name.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public DliContext? Context { get; set; }

    private protected CancellationToken CancelToken => _stopping.Token;

    private protected PipelinePump Pump => _pump ??= new PipelinePump(this, IsDebugEnabled(),
        verboseAsDebug: IsBound("Debug") && !IsBound("Verbose"));

    /// <summary>The client for the current record's context: -Context, else Connect-Dli's, else the environment and credentials file.</summary>
    private protected DliClient Client() => new(ResolveContext(), Pump);

    /// <summary>
    /// A client for calls the cmdlet waits for at once, one after another: each does its I/O on the pipeline thread,
    /// with no thread switch. Not for calls that must overlap (the list's next page) or that poll.
    /// </summary>
    private protected DliClient BlockingClient() => new(ResolveContext(), Pump) { SendOnCallingThread = true };

    private protected DliContext ResolveContext()
    {
        if (Context is not null) return Context;
        if (DefaultContext.Get(this) is { } connected) return connected;
        return _resolved ??= ContextChain.FromEnvironment(Pump);
    }

    protected sealed override void ProcessRecord() => Stoppable(ProcessDliRecord);

    protected abstract void ProcessDliRecord();

    /// <summary>What is left to do once every record is in (the waits of Wait-DliSession and New-DliSession -Wait).</summary>
    protected virtual void EndDliProcessing() { }

    protected sealed override void EndProcessing() => Stoppable(EndDliProcessing);

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Runs <paramref name="work"/>, turning a cancellation caused by Ctrl+C into the pipeline's stop, and flushing queued writes.</summary>
    private void Stoppable(Action work)
    {
        try
        {
            work();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            _pump?.Flush();
        }
    }

    /// <summary>Runs <paramref name="work"/> for one pipeline item; a DLI failure becomes a non-terminating error about <paramref name="target"/>.</summary>
    private protected bool TryRun(object? target, Action work)
    {
        try
        {
            work();
            return true;
        }
        catch (DliException ex)
        {
            _pump?.Flush();
            WriteError(ErrorRecords.From(ex, target));
            return false;
        }
    }

    /// <summary>
    /// The confirmation rule of every state-changing cmdlet. -WhatIf, or $WhatIfPreference when -WhatIf is not given,
    /// writes the What-if line and changes nothing, -Force or not; -Confirm asks, -Force or not. Otherwise
    /// ShouldProcess asks when the cmdlet's ConfirmImpact reaches $ConfirmPreference, and <paramref name="force"/>
    /// answers that one question yes, which is all -Force does.
    /// </summary>
    private protected bool ShouldChange(string target, string action, bool force = false)
    {
        if (!force || WhatIfRequested() || IsBound("Confirm")) return ShouldProcess(target, action);
        Pump.Verbose($"Performing the operation \"{action}\" on target \"{target}\".");
        return true;
    }

    private bool WhatIfRequested() =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
            ? whatIf is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    private protected T Await<T>(Task<T> task) => Pump.Wait(task);

    /// <summary>
    /// Writes what the core streams (a listing's items, log lines) as each arrives, the waiting done on the pipeline
    /// thread through the pump; <paramref name="write"/> replaces <see cref="Cmdlet.WriteObject(object)"/> when given.
    /// Leaving early (a downstream -First, Ctrl+C, an error) disposes the stream, which ends its pending request.
    /// </summary>
    private protected void WriteAll<T>(IAsyncEnumerable<T> items, Action<T>? write = null)
    {
        var enumerator = items.GetAsyncEnumerator(CancelToken);
        try
        {
            while (Pump.Wait(enumerator.MoveNextAsync().AsTask()))
            {
                if (write is null) WriteObject(enumerator.Current);
                else write(enumerator.Current);
            }
        }
        finally
        {
            Pump.Wait(enumerator.DisposeAsync().AsTask());
        }
    }

    private protected void Await(Task task) => Pump.Wait(task);

    private bool IsBound(string name) =>
        MyInvocation.BoundParameters.TryGetValue(name, out var value) && value is SwitchParameter { IsPresent: true };

    private bool IsDebugEnabled() =>
        MyInvocation.BoundParameters.TryGetValue("Debug", out var debug)
            ? debug is SwitchParameter { IsPresent: true }
            : GetVariableValue("DebugPreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
}
