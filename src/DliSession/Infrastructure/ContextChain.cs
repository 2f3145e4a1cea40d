using DliSession.Client;
using DliSession.Client.Auth;
using DliSession.Client.Http;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// The module's end of the resolution chain: the core's resolver over this process's environment and home, with
/// each item's source (never its value) written to the debug stream.
/// </summary>
internal static class ContextChain
{
    public static DliContext Resolve(ConnectionRequest request, IDliLog log, DliHttpSettings? http = null)
    {
        var resolution = ContextResolver.ForCurrentProcess().Resolve(request);
        foreach (var line in resolution.Diagnostics) log.Debug(line);
        return resolution.Context.WithHttp(http ?? DliHttpSettings.FromEnvironment(Environment.GetEnvironmentVariable));
    }

    public static DliContext FromEnvironment(IDliLog log) => Resolve(new ConnectionRequest(), log);
}
