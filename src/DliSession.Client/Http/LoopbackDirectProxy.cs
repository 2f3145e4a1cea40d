using System.Net;

namespace DliSession.Client.Http;

/// <summary>
/// The system proxy (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), except that a loopback destination always goes direct: a
/// proxy cannot reach this machine's loopback anyway, and plain http to the emulator carries a credential in clear,
/// which must not leave the machine because a proxy is configured (NO_PROXY=127.0.0.1 does not cover localhost).
/// </summary>
internal sealed class LoopbackDirectProxy(IWebProxy system) : IWebProxy
{
    public ICredentials? Credentials
    {
        get => system.Credentials;
        set => system.Credentials = value;
    }

    public Uri? GetProxy(Uri destination) => destination.IsLoopback ? null : system.GetProxy(destination);

    public bool IsBypassed(Uri host) => host.IsLoopback || system.IsBypassed(host);
}
