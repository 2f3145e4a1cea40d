using System.Buffers;
using System.Net;
using DliSession.Client.Errors;

namespace DliSession.Client.Http;

/// <summary>
/// The outermost handler: gives each attempt its own timeout, reads the whole body within it (bounded in size),
/// and retries what <see cref="RetryPolicy"/> allows. What it finally returns is a buffered response, or a
/// <see cref="DliException"/> for a timeout or a connection that failed.
/// </summary>
internal sealed class RetryHandler(TimeProvider clock) : DelegatingHandler
{
    private readonly Random _random = Random.Shared;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = DliRequestOptions.GetContext(request);
        var log = DliRequestOptions.GetLog(request);
        var settings = context.Http;
        var path = request.RequestUri?.AbsolutePath;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            string outcome;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(settings.Timeout);
                try
                {
                    response = await base.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                    // An error's body is only explained, never parsed as data: its first bytes are enough.
                    if (response.IsSuccessStatusCode)
                        await BufferAsync(response, settings.MaxResponseBytes, truncate: false, attemptTimeout.Token).ConfigureAwait(false);
                    else
                        await BufferAsync(response, settings.MaxErrorResponseBytes, truncate: true, attemptTimeout.Token).ConfigureAwait(false);
                    if (attempt >= settings.MaxAttempts || !RetryPolicy.ShouldRetry(request.Method, response.StatusCode))
                        return response;
                    outcome = $"{(int)response.StatusCode} {response.StatusCode}";
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    response?.Dispose();
                    if (attempt >= settings.MaxAttempts || !RetryPolicy.ShouldRetryTimeout(request.Method))
                        throw new DliException("DliTimeout", DliErrorKind.Timeout,
                            $"{request.Method} {path} got no complete answer within {settings.Timeout.TotalSeconds:0.#} s" +
                            (RetryPolicy.IsIdempotent(request.Method)
                                ? $" in {attempt} attempt(s)."
                                : "; it was not retried, because the service may have acted on it already."));
                    outcome = $"no answer within {settings.Timeout.TotalSeconds:0.#} s";
                }
                catch (DliResponseException)
                {
                    // Too large: the unread rest of the body must not keep the connection busy.
                    response?.Dispose();
                    throw;
                }
                catch (HttpRequestException ex)
                {
                    response?.Dispose();
                    if (attempt >= settings.MaxAttempts || !RetryPolicy.ShouldRetry(request.Method, ex))
                        throw new DliException("DliConnectionFailed", DliErrorKind.Connection,
                            $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} failed: {ex.Message}" +
                            (RetryPolicy.IsIdempotent(request.Method) || ex.HttpRequestError == HttpRequestError.ConnectionError
                                ? string.Empty
                                : " It was not retried, because the service may have acted on it already."), ex);
                    outcome = ex.Message;
                }
            }
            var delay = RetryPolicy.Delay(attempt, response, settings.MaxRetryDelay, clock.GetUtcNow(), _random);
            response?.Dispose();
            log.Verbose($"Retrying {request.Method} {path} after {outcome}: waiting {delay.TotalSeconds:0.##} s " +
                $"(attempt {attempt + 1} of {settings.MaxAttempts}).");
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the body into memory now, under the attempt's timeout: more than <paramref name="limit"/> bytes is refused,
    /// or with <paramref name="truncate"/> cut to the limit and the rest left unread.
    /// </summary>
    private static async Task BufferAsync(HttpResponseMessage response, long limit, bool truncate, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit && !truncate) throw TooLarge(limit);
        if (declared > limit) declared = limit;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and < int.MaxValue ? (int)declared : 16384);
        var length = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            do
            {
                if (length == buffer.Length) buffer = Grow(buffer, length, limit);
                read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                length += read;
                if (length > limit && !truncate) throw TooLarge(limit);
                if (length >= limit && truncate)
                {
                    length = (int)limit;
                    break;
                }
            }
            while (read > 0);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        var buffered = new BufferedContent(buffer, length);
        foreach (var (name, values) in response.Content.Headers.NonValidated)
            buffered.Headers.TryAddWithoutValidation(name, values);
        response.Content.Dispose();
        response.Content = buffered;
    }

    /// <summary>A rented buffer twice as large (but no larger than one byte over the limit) holding the bytes read so far.</summary>
    private static byte[] Grow(byte[] buffer, int length, long limit)
    {
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, limit + 1));
        buffer.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    private static DliResponseException TooLarge(long limit) =>
        new(DliResponseException.TooLarge,
            $"The service's response is larger than {Size(limit)}, the most the module reads; it was not read.");

    /// <summary>MiB when exact, else bytes: a limit below 1 MiB must not read as "0 MiB".</summary>
    private static string Size(long bytes) =>
        bytes >= Mebibyte && bytes % Mebibyte == 0 ? $"{bytes / Mebibyte} MiB" : $"{bytes} bytes";

    private const long Mebibyte = 1024 * 1024;
}
