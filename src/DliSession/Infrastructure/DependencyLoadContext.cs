using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// The module's own AssemblyLoadContext, for the engine and the Microsoft.Extensions.* assemblies it uses (the
/// module's <c>Dependencies</c> folder). Other modules load other versions of those assemblies into PowerShell's
/// default context; here they cannot meet. Only the engine is routed here from the default context: the cmdlets
/// and the core's types (what users name in scripts and format views) stay in the default context.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private const string EngineName = "DliSession.Engine";

    private static readonly string Folder =
        Path.Combine(Path.GetDirectoryName(typeof(DependencyLoadContext).Assembly.Location)!, "Dependencies");

    // Made at the first HTTP call, when the engine is first needed: importing the module loads nothing from Dependencies.
    private static readonly Lazy<DependencyLoadContext> Instance = new(() => new DependencyLoadContext());

    private static readonly Lock Gate = new();
    private static int s_imports;

    private DependencyLoadContext()
        : base("DliSession.Dependencies")
    {
    }

    /// <summary>Routes the engine's load to this context; counted, since each runspace that imports the module calls it.</summary>
    public static void Attach()
    {
        lock (Gate)
        {
            if (s_imports++ == 0)
            {
                Default.Resolving += ResolveEngine;
            }
        }
    }

    /// <summary>Stops routing once the last import is removed.</summary>
    public static void Detach()
    {
        lock (Gate)
        {
            if (s_imports > 0 && --s_imports == 0)
            {
                Default.Resolving -= ResolveEngine;
            }
        }
    }

    // The default context raises Resolving only for what it cannot find itself, and the engine is not beside the
    // module's DLL, so every load of the engine comes here.
    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == EngineName ? Instance.Value.LoadFromAssemblyName(name) : null;

    protected override Assembly? Load(AssemblyName name)
    {
        // Framework assemblies are shared with the default context even if a copy sat in Dependencies: their
        // types cross between framework assemblies (System.Net.Http's SocketsHttpHandler exposes
        // System.Diagnostics.DiagnosticSource's IMeterFactory), so a private copy would break HttpClient.
        if (IsFramework(name))
        {
            return null;
        }
        string path = Path.Combine(Folder, name.Name + ".dll");
        // Null falls back to the default context: the framework, and PowerShell's own assemblies.
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    private static bool IsFramework(AssemblyName name) =>
        File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), name.Name + ".dll"));
}
