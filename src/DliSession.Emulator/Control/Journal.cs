using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DliSession.Emulator.Authentication;
using DliSession.Emulator.Json;
using DliSession.Emulator.Pipeline;

namespace DliSession.Emulator.Control;

/// <summary>
/// Every API request as it arrived and the status it got, so tests can assert what a client sent. Secrets are
/// replaced by <c>***</c> on the way in, and only the latest <see cref="Capacity"/> entries are kept.
/// </summary>
internal sealed partial class Journal
{
    public const int Capacity = 100_000;
    private const string Redacted = "***";

    private readonly Lock _gate = new();
    private readonly Queue<JournalEntryDto> _entries = new();
    private long _lastSeq;

    [GeneratedRegex(@"Signature=[^,\s]*")]
    private static partial Regex SignaturePart();

    public void Record(HttpContext context, byte[] body, DateTimeOffset receivedAt, int status)
    {
        var (path, query) = RequestTarget.Raw(context);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in context.Request.Headers) headers[name] = Redact(name, value.ToString());
        var time = receivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _entries.Enqueue(new JournalEntryDto(++_lastSeq, time, context.Request.Method, path, query, headers,
                Encoding.UTF8.GetString(body), status, ConnectionIds.Of(context)));
            if (_entries.Count > Capacity) _entries.Dequeue();
        }
    }

    public IReadOnlyList<JournalEntryDto> Since(long seq)
    {
        lock (_gate) return [.. _entries.Where(e => e.Seq > seq)];
    }

    /// <summary>Empties the journal; sequence numbers keep counting so a reader's <c>since</c> stays meaningful.</summary>
    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    public static string Redact(string header, string value)
    {
        if (header.Equals(RequestAuthenticator.TokenHeader, StringComparison.OrdinalIgnoreCase)
            || header.Equals("X-Security-Token", StringComparison.OrdinalIgnoreCase))
            return Redacted;
        if (!header.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) return value;
        // Only the signature is secret in an SDK-HMAC-SHA256 value; any other scheme may carry a secret anywhere.
        return value.StartsWith("SDK-HMAC-SHA256 ", StringComparison.Ordinal)
            ? SignaturePart().Replace(value, "Signature=" + Redacted)
            : Redacted;
    }
}
