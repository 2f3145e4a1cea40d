using System.Net;

namespace DliSession.Emulator.Control;

/// <summary>The control API can wipe state and stop the process, so only clients on this machine may call it.</summary>
internal static class LoopbackOnly
{
    /// <summary>True for loopback peers (IPv4, IPv6 and IPv4-mapped) and for in-process hosts, which have no peer address.</summary>
    public static bool IsAllowed(IPAddress? remote) =>
        remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    public static ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsAllowed(context.HttpContext.Connection.RemoteIpAddress)
            ? next(context)
            : ValueTask.FromResult<object?>(Pipeline.ApiResults.Message("The control API answers loopback clients only.", StatusCodes.Status403Forbidden));
}
