using System.Net.Sockets;

namespace DliSession.Client.Http;

/// <summary>
/// Connects the sockets of the calling-thread transport synchronously, so they never join .NET's socket event loop:
/// a socket that did one asynchronous operation (the handler's own asynchronous connect included) has every later
/// synchronous read emulated through that loop, a thread-pool thread and a wake-up of the caller, while a socket that
/// did none waits in the caller's own poll. That holds for plain http (the emulator, a local proxy); over https the
/// handler's TLS handshake reads asynchronously, so such a connection joins the loop at its start and behaves as a
/// shared one would.
/// </summary>
internal static class BlockingConnection
{
    public static ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (cancellationToken.UnsafeRegister(static s => ((Socket)s!).Dispose(), socket))
                socket.Connect(context.DnsEndPoint);
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult<Stream>(new NetworkStream(socket, ownsSocket: true));
        }
        catch (Exception ex)
        {
            socket.Dispose();
            if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<Stream>(cancellationToken);
            return ValueTask.FromException<Stream>(ex);
        }
    }
}
