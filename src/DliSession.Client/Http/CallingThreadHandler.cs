namespace DliSession.Client.Http;

/// <summary>
/// The innermost handler: sends a request that asks for it (<see cref="DliRequestOptions.OnCallingThread"/>) with the
/// transport's synchronous <c>Send</c>, so the request is written and the answer's head read on the caller's thread.
/// A caller that blocks until the answer anyway (a cmdlet's pipeline thread) then waits on the socket itself instead of
/// being woken by a thread-pool thread that the socket's completion woke first: two thread switches fewer per call,
/// which on a busy machine are most of a call's time and nearly all of its tail. The transport still cancels such a
/// send (Ctrl+C, the attempt's timeout) by closing its connection. Every other request goes on asynchronously.
/// <para>
/// Those requests get connections of their own, from a second transport that only ever sends synchronously. A socket
/// that has done one asynchronous operation (a listing's page, a poll) stays in non-blocking mode for good, and .NET
/// then only emulates a synchronous read on it: its socket thread sees the data, a thread-pool thread signals the
/// caller, and the caller spins before it sleeps. On a socket that never went asynchronous (see
/// <see cref="BlockingConnection"/>) the caller waits in its own poll and the kernel wakes it directly.
/// </para>
/// </summary>
internal sealed class CallingThreadHandler(Func<HttpMessageHandler> transport) : DelegatingHandler
{
    private readonly HttpMessageInvoker _calling = new(transport(), disposeHandler: true);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!DliRequestOptions.IsOnCallingThread(request)) return base.SendAsync(request, cancellationToken);
        try
        {
            return Task.FromResult(_calling.Send(request, cancellationToken));
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken == cancellationToken)
        {
            return Task.FromCanceled<HttpResponseMessage>(cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<HttpResponseMessage>(ex);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _calling.Dispose();
        base.Dispose(disposing);
    }
}
