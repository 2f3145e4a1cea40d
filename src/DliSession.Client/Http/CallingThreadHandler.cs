namespace DliSession.Client.Http;

/// <summary>
/// The innermost handler: sends a request that asks for it (<see cref="DliRequestOptions.OnCallingThread"/>) with the
/// transport's synchronous <c>Send</c>, so the request is written and the answer's head read on the caller's thread.
/// A caller that blocks until the answer anyway (a cmdlet's pipeline thread) then waits on the socket itself instead of
/// being woken by a thread-pool thread that the socket's completion woke first: two thread switches fewer per call,
/// which on a busy machine are most of a call's time and nearly all of its tail. The transport still cancels such a
/// send (Ctrl+C, the attempt's timeout) by closing its connection. Every other request goes on asynchronously.
/// </summary>
internal sealed class CallingThreadHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!DliRequestOptions.IsOnCallingThread(request)) return base.SendAsync(request, cancellationToken);
        try
        {
            return Task.FromResult(base.Send(request, cancellationToken));
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
}
