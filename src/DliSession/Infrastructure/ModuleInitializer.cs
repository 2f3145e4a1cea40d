using System.Management.Automation;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// What PowerShell runs when it imports and removes the module. Import time is measured (docs/benchmarks.md):
/// anything added here must stay cheap on the importing thread.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    /// <summary>
    /// Routes the engine to the module's own load context before any cmdlet can need it, then starts the warm-up of
    /// the first call on a background thread.
    /// </summary>
    public void OnImport()
    {
        DependencyLoadContext.Attach();
        WarmUp.Start();
    }

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo) => DependencyLoadContext.Detach();
}
