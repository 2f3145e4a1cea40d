using System.Net;
using DliSession.Client.Errors;

namespace DliSession.Client.Http;

/// <summary>
/// The outermost handler: gives each attempt its own timeout (the <see cref="BufferingHandler"/> inside it reads the
/// whole body within that time), retries what <see cref="RetryPolicy"/> allows, and turns a timeout or a connection
/// that failed into a <see cref="DliException"/>.
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
}
