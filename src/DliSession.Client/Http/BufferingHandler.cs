using System.Buffers;
using DliSession.Client.Errors;

namespace DliSession.Client.Http;

/// <summary>
/// Reads each response's whole body into memory before it goes back up the pipeline, under the caller's token (the
/// attempt's timeout), refusing more than the context's <see cref="DliHttpSettings.MaxResponseBytes"/>. So a slow
/// body counts against the attempt that fetched it, and no parser ever reads from the network.
/// </summary>
internal sealed class BufferingHandler : DelegatingHandler
{
    private const long Mebibyte = 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var http = DliRequestOptions.GetContext(request).Http;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var reader = new BodyReader(response, DliRequestOptions.IsOnCallingThread(request), cancellationToken);
        try
        {
            // An error's body is only explained, never parsed as data: its first bytes are enough, the rest is dropped.
            if (response.IsSuccessStatusCode) await BufferAsync(reader, http.MaxResponseBytes, truncate: false).ConfigureAwait(false);
            else await BufferAsync(reader, http.MaxErrorResponseBytes, truncate: true).ConfigureAwait(false);
            return response;
        }
        catch
        {
            // Too large, too slow or cut off: the unread rest of the body must not keep the connection busy.
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the body into memory now, under the attempt's timeout: more than <paramref name="limit"/> bytes is refused,
    /// or with <paramref name="truncate"/> cut to the limit and the rest left unread.
    /// </summary>
    private static async Task BufferAsync(BodyReader reader, long limit, bool truncate)
    {
        var response = reader.Response;
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit && !truncate) throw TooLarge(limit);
        if (declared > limit) declared = limit;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and < int.MaxValue ? (int)declared : 16384);
        var length = 0;
        try
        {
            await reader.OpenAsync().ConfigureAwait(false);
            int read;
            do
            {
                if (length == buffer.Length) buffer = Grow(buffer, length, limit);
                read = await reader.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false);
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
        finally
        {
            await reader.DisposeAsync().ConfigureAwait(false);
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
}
