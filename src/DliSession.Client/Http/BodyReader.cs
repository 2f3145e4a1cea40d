namespace DliSession.Client.Http;

/// <summary>
/// Reads a response's body the way its request was sent: synchronously on the caller's thread for a calling-thread
/// request (<see cref="DliRequestOptions.OnCallingThread"/>), so its socket never does an asynchronous operation and
/// stays in blocking mode (see <see cref="CallingThreadHandler"/>), else asynchronously. A synchronous read does not
/// watch the token, so cancelling (Ctrl+C, the attempt's timeout) closes the response, which ends the read, as the
/// transport ends a synchronous send; the failure that causes then surfaces as the cancellation it is.
/// </summary>
internal sealed class BodyReader(HttpResponseMessage response, bool onCallingThread, CancellationToken cancellationToken) : IAsyncDisposable
{
    private Stream? _stream;
    private CancellationTokenRegistration _closeOnCancel;

    public HttpResponseMessage Response => response;

    public async ValueTask OpenAsync()
    {
        if (!onCallingThread)
        {
            _stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        _closeOnCancel = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
        _stream = Synchronously(() => response.Content.ReadAsStream(cancellationToken));
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer)
    {
        var stream = _stream ?? throw new InvalidOperationException("The body was read before it was opened.");
        return onCallingThread
            ? new ValueTask<int>(Synchronously(() => stream.Read(buffer.Span)))
            : stream.ReadAsync(buffer, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _closeOnCancel.DisposeAsync().ConfigureAwait(false);
        if (_stream is null) return;
        if (onCallingThread) _stream.Dispose();
        else await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private T Synchronously<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The response was closed because the request was cancelled.", ex, cancellationToken);
        }
    }
}
