using System.Runtime.CompilerServices;
using DliSession.Client.Errors;
using DliSession.Client.Paging;
using DliSession.Client.Waiting;

namespace DliSession.Client.Logs;

/// <summary>
/// A log followed as it grows, like <c>tail -f</c>: the lines there are, then each new one as it comes, until the
/// owner ends or the caller stops. It reads on from the next unread line; when a look finds nothing new it reads the
/// owner's state (after the first look too), and once that state is one the owner never leaves it reads once more (lines written just before the
/// end) and finishes. Between looks it pauses as <see cref="PollSchedule"/> says: soon at first, then settling at
/// the interval, so an idle log costs at most two small requests per interval.
/// <para>
/// A misbehaving service cannot make it spin or grow: each look is a <see cref="Listing{T}"/> with that class's
/// bounds and only a line counter is kept between looks. A log whose total falls below the lines already read is
/// not read again from the start (that would repeat lines); a warning says so once and the follow waits for lines
/// past those read. A page that starts elsewhere than asked is an error, since its lines would repeat or skip.
/// An owner that no longer exists (deleted after the follow began) ends the follow like an owner that ended.
/// </para>
/// </summary>
public sealed class LogFollow : IAsyncEnumerable<string>
{
    private readonly LogSource _source;
    private readonly LogFollowOptions _options;
    private readonly TimeProvider _clock;

    internal LogFollow(LogSource source, LogFollowOptions options, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.From);
        if (options.Last is { } last) ArgumentOutOfRangeException.ThrowIfLessThan(last, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Interval, TimeSpan.Zero);
        _source = source;
        _options = options;
        _clock = clock;
    }

    public IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        FollowAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<string> FollowAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var remaining = _options.First;
        if (remaining == 0) yield break;
        int next;
        if (_options.Last is { } last)
        {
            var page = await _source.ReadLastAsync(last, cancellationToken).ConfigureAwait(false);
            // The service may send more than asked; only the last lines asked for are written.
            foreach (var line in page.Items.Skip(Math.Max(0, page.Items.Count - last)))
            {
                yield return line;
                if (--remaining == 0) yield break;
            }
            next = page.Total ?? page.From + page.Items.Count;
        }
        else next = _options.From;

        var schedule = new PollSchedule(_options.Interval);
        var warnedShrink = false;
        string? endedIn = null;
        var begun = false;
        while (true)
        {
            var listing = _source.Read(new ListingOptions<string>
            {
                Skip = (ulong)next, First = remaining, PageSize = _options.PageSize, MaxPages = _options.MaxPages,
            }, ReadFromExactly);
            var read = 0;
            var gone = false;
            await using (var lines = listing.GetAsyncEnumerator(cancellationToken))
            {
                while (true)
                {
                    bool more;
                    try { more = await lines.MoveNextAsync().ConfigureAwait(false); }
                    catch (DliException ex) when (begun && ex.Kind == DliErrorKind.NotFound) { gone = true; break; }
                    if (!more) break;
                    read++;
                    yield return lines.Current;
                    if (--remaining == 0) yield break;
                }
            }
            var first = !begun;
            begun = true;
            next += read;
            if (gone) { Gone(); yield break; }
            if (!warnedShrink && listing.Total is { } total && total < next)
            {
                warnedShrink = true;
                _source.Log.Warning($"{_source.Owner}'s log now has {total} lines, fewer than the {next} already read; " +
                    "it is not read again from the start, and only lines past those are written.");
            }
            if (endedIn is not null)
            {
                _source.Log.Verbose($"{_source.Owner} has ended ({endedIn}): its log is complete.");
                yield break;
            }
            // The first look also asks, so that the log of an owner that has already ended is written at once, whole.
            if (read == 0 || first)
            {
                string state;
                try { state = await _source.ReadState(cancellationToken).ConfigureAwait(false); }
                catch (DliException ex) when (ex.Kind == DliErrorKind.NotFound) { Gone(); yield break; }
                if (_source.HasEnded(state))
                {
                    // Lines written just before the end may have come after the look that found nothing: one more look.
                    endedIn = state;
                    continue;
                }
            }
            await Task.Delay(schedule.Next(), _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a page, refusing one that starts elsewhere than asked: its lines would be written twice or never.</summary>
    private async Task<Page<string>> ReadFromExactly(int from, int size, CancellationToken cancellationToken)
    {
        var page = await _source.ReadPageAsync(from, size, cancellationToken).ConfigureAwait(false);
        if (page.Items.Count > 0 && page.From != from)
            throw new DliResponseException(DliResponseException.WrongShape,
                $"The service answered a read of {_source.Owner}'s log from line {from} with lines from line {page.From}.");
        return page;
    }

    private void Gone() => _source.Log.Verbose($"{_source.Owner} no longer exists: its log ends here.");
}
