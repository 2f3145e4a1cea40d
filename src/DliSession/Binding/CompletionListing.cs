using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Errors;
using DliSession.Client.Http;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands.Binding;

/// <summary>
/// Lists one kind of resource (sessions; Spark jobs derive their own) for tab completion, through the core client and
/// the context a cmdlet would use. The first Tab starts the listing and waits at most <see cref="Budget"/>, then
/// offers whatever pages have arrived; later Tabs reuse the list for <see cref="Lifetime"/>. Nothing is ever written
/// to a stream, and a failure to resolve a context or to list leaves the list empty: the prompt must never show an
/// error or hang because completion could not reach the service.
/// </summary>
public abstract class CompletionListing
{
    /// <summary>How long one Tab waits for the listing; the prompt must stay responsive.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    /// <summary>How long a list is reused: ids change rarely between two Tabs, and every Tab must not cost a request.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>A listing still running after this is abandoned, so a slow service cannot keep requests going.</summary>
    private static readonly TimeSpan ListingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>More than a menu can show; bounds the memory a huge project could take.</summary>
    private const int MaxCandidates = 5000;

    private readonly ConcurrentDictionary<string, Listing> _listings = new(StringComparer.Ordinal);

    /// <summary>The resources as the service lists them, each as soon as its page has arrived.</summary>
    protected abstract IAsyncEnumerable<CompletionCandidate> ListAsync(DliClient client, CancellationToken cancellationToken);

    /// <summary>What the context the cmdlet would use lists, within <see cref="Budget"/>; empty when it cannot be had.</summary>
    public IReadOnlyList<CompletionCandidate> Candidates(IDictionary fakeBoundParameters)
    {
        if (CompletionContext(fakeBoundParameters) is not { } context) return [];
        var key = $"{context.Endpoint}|{context.ProjectId}|{context.AuthKind}|{context.AccessKeyId}";
        var listing = _listings.AddOrUpdate(key, _ => Start(context), (_, old) => old.IsFresh ? old : Start(context));
        ((IAsyncResult)listing.Done).AsyncWaitHandle.WaitOne(Budget);
        return listing.Snapshot();
    }

    private Listing Start(DliContext context)
    {
        var listing = new Listing();
        listing.Done = Task.Run(() => listing.FillAsync(ListAsync(new DliClient(context), CancellationToken.None)));
        return listing;
    }

    /// <summary>-Context as typed on the command line if it is one, else the cmdlets' own resolution, silently.</summary>
    private static DliContext? CompletionContext(IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters["Context"] is { } given)
            return (given is PSObject wrapped ? wrapped.BaseObject : given) as DliContext;
        if (DefaultContext.ForCurrentRunspace() is { } connected) return connected;
        try
        {
            return ContextChain.FromEnvironment(NullDliLog.Instance);
        }
        catch (DliException)
        {
            return null;
        }
    }

    private sealed class Listing
    {
        private readonly List<CompletionCandidate> _items = [];
        private readonly long _started = Stopwatch.GetTimestamp();
        private volatile bool _failed;

        public Task Done { get; set; } = Task.CompletedTask;

        /// <summary>A failed listing is tried again on the next Tab; a good one is kept for its lifetime.</summary>
        public bool IsFresh => !_failed && Stopwatch.GetElapsedTime(_started) < Lifetime;

        public async Task FillAsync(IAsyncEnumerable<CompletionCandidate> candidates)
        {
            using var timeout = new CancellationTokenSource(ListingTimeout);
            try
            {
                await foreach (var candidate in candidates.WithCancellation(timeout.Token).ConfigureAwait(false))
                {
                    lock (_items)
                    {
                        _items.Add(candidate);
                        if (_items.Count >= MaxCandidates) return;
                    }
                }
            }
            catch (Exception ex) when (ex is DliException or OperationCanceledException or HttpRequestException)
            {
                _failed = true;
            }
        }

        public IReadOnlyList<CompletionCandidate> Snapshot()
        {
            lock (_items) return _items.ToArray();
        }
    }
}
