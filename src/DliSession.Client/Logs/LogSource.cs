using DliSession.Client.Http;
using DliSession.Client.Paging;

namespace DliSession.Client.Logs;

/// <summary>Reads the log lines from line <paramref name="from"/> on, at most <paramref name="size"/>; without
/// <paramref name="from"/>, the service answers with the last <paramref name="size"/> lines.</summary>
public delegate Task<Page<string>> LogPageReader(int? from, int size, CancellationToken cancellationToken);

/// <summary>
/// The log of one session or Spark job, and how to tell that its owner has ended: what reading a part of it, its
/// last lines, and following it as it grows all need, so that each of them is written once for both kinds.
/// </summary>
/// <param name="owner">The owner in messages, as a sentence starts it ("Session 'fd09…'").</param>
/// <param name="read">Reads a page of the log.</param>
/// <param name="readState">Reads the owner's state.</param>
/// <param name="hasEnded">Whether a state is one the owner never leaves, so its log is complete.</param>
/// <param name="log">Where warnings and the reason a follow stops go.</param>
public sealed class LogSource(string owner, LogPageReader read, Func<CancellationToken, Task<string>> readState,
    Func<string, bool> hasEnded, IDliLog log)
{
    public string Owner => owner;
    internal IDliLog Log => log;
    internal Func<CancellationToken, Task<string>> ReadState => readState;
    internal Func<string, bool> HasEnded => hasEnded;

    /// <summary>The last <paramref name="count"/> lines, with the total the service reported.</summary>
    public Task<Page<string>> ReadLastAsync(int count, CancellationToken cancellationToken) => read(null, count, cancellationToken);

    /// <summary>
    /// The log's lines in order, page by page: <see cref="ListingOptions{T}.Skip"/> is the first line's index and
    /// <see cref="ListingOptions{T}.First"/> the most lines to read.
    /// </summary>
    public Listing<string> Read(ListingOptions<string> options) => Read(options, (from, size, cancellationToken) => read(from, size, cancellationToken));

    internal Listing<string> Read(ListingOptions<string> options, PageReader<string> pages) =>
        new(pages, options, log, "log lines", identity: null);

    internal Task<Page<string>> ReadPageAsync(int from, int size, CancellationToken cancellationToken) => read(from, size, cancellationToken);

    /// <summary>The lines there are and those that come after them, until the owner ends (see <see cref="LogFollow"/>).</summary>
    public LogFollow Follow(LogFollowOptions options, TimeProvider clock) => new(this, options, clock);
}
