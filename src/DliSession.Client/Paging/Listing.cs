using System.Runtime.CompilerServices;
using DliSession.Client.Http;

namespace DliSession.Client.Paging;

/// <summary>
/// An offset-paged listing read as one stream of items: each item comes out as soon as its page arrives, and the next
/// page is asked for once the caller comes back for a page's second item, so the service works while the caller
/// writes the rest, yet the first item is out before the second page is requested.
/// <para>
/// A misbehaving server cannot keep it going: it stops, with a warning, when a page repeats the previous one (the
/// same first item), when it has read well past the total the first page reported (twice that, and at least one
/// page more than that), and when it has requested <see cref="ListingOptions{T}.MaxPages"/> pages. Only the page in hand and
/// the next one are held, so memory stays flat however long the listing runs.
/// </para>
/// </summary>
public sealed class Listing<T> : IAsyncEnumerable<T>
{
    private readonly PageReader<T> _read;
    private readonly ListingOptions<T> _options;
    private readonly IDliLog _log;
    private readonly string _itemsName;
    private readonly Func<T, string?>? _identity;

    /// <param name="read">Reads one page.</param>
    /// <param name="options">What to read.</param>
    /// <param name="log">Where the warnings go.</param>
    /// <param name="itemsName">The items' name in warnings, plural ("sessions", "log lines").</param>
    /// <param name="identity">An item's identity, to notice a page sent again; null where items may repeat (log lines).</param>
    public Listing(PageReader<T> read, ListingOptions<T> options, IDliLog log, string itemsName, Func<T, string?>? identity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        if (options.MaxPages is { } max) ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        _read = read;
        _options = options;
        _log = log;
        _itemsName = itemsName;
        _identity = identity;
    }

    /// <summary>The total the first page reported (all items, before any local filter); null until it arrived or when it had none.</summary>
    public int? Total { get; private set; }

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = _options;
        var filter = options.Filter;
        // With a local filter the service cannot skip or stop for us.
        var start = options.Filtered ? 0 : (int)Math.Min(options.Skip, int.MaxValue);
        var toSkip = options.Filtered ? options.Skip : 0;
        var remaining = options.First;
        if (remaining == 0) yield break;

        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<Page<T>>? next = null;
        try
        {
            var from = start;
            var pages = 1;
            var page = await _read(from, SizeFor(remaining), cancellationToken).ConfigureAwait(false);
            int? firstTotal = page.Total;
            var firstCount = page.Items.Count;
            Total = firstTotal;
            string? previousFirst = null;
            while (true)
            {
                if (page.Items.Count == 0) yield break;
                var first = _identity?.Invoke(page.Items[0]);
                if (first is not null && first == previousFirst)
                {
                    _log.Warning($"The service sent the same page again for offset {from}; the list stops after {from - start} {_itemsName}.");
                    yield break;
                }
                previousFirst = first;
                _log.Verbose($"Read {page.Items.Count} {_itemsName} from offset {from}" +
                    (page.Total is { } reported ? $" of {reported}." : "."));
                from += page.Items.Count;
                var more = HasMore(from, start, page, firstTotal, firstCount, pages);
                // Only when this page cannot satisfy the request on its own, so a short listing costs no extra request.
                var needsNext = more && remaining > (ulong)page.Items.Count;
                var nextSize = SizeFor(remaining - Math.Min(remaining, (ulong)page.Items.Count));
                foreach (var item in page.Items)
                {
                    if (filter is not null && !filter(item)) continue;
                    if (toSkip > 0) { toSkip--; continue; }
                    yield return item;
                    if (needsNext && next is null) next = _read(from, nextSize, prefetch.Token);
                    if (--remaining == 0) yield break;
                }
                if (!more) yield break;
                pages++;
                page = await (next ?? _read(from, SizeFor(remaining), cancellationToken)).ConfigureAwait(false);
                next = null;
            }
        }
        finally
        {
            // Left early (the caller stopped, an error) with a page on its way: it is not wanted, so cancel it and let it end.
            if (next is not null)
            {
                prefetch.Cancel();
                try { await next.ConfigureAwait(false); }
                catch (Exception ex) when (ex is OperationCanceledException or Errors.DliException) { }
            }
        }
    }

    /// <summary>A page size that asks for no more than is still wanted (all of a page, with a local filter).</summary>
    private int SizeFor(ulong remaining) =>
        _options.Filtered ? _options.PageSize : (int)Math.Min((ulong)_options.PageSize, Math.Max(remaining, 1));

    /// <summary>Whether to read on after a page that ends at offset <paramref name="from"/>.</summary>
    private bool HasMore(int from, int start, Page<T> page, int? firstTotal, int firstCount, int pages)
    {
        if (page.Total is { } total && from >= total) return false;
        if (firstTotal is { } reported)
        {
            // Well past what the first page promised: a listing that keeps growing as it is read is not worth following.
            var expected = Math.Max(0, reported - start);
            if (from - start >= expected + Math.Max(expected, firstCount))
            {
                _log.Warning($"The service reported {reported} {_itemsName} in all but keeps sending more; the list stops after {from - start}.");
                return false;
            }
        }
        if (_options.MaxPages is { } max && pages >= max)
        {
            _log.Warning($"The list stops after {pages} page(s) ({from - start} {_itemsName}), the most asked for; there may be more.");
            return false;
        }
        return true;
    }
}
