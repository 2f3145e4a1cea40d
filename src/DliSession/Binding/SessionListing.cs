using System.Runtime.CompilerServices;
using DliSession.Client;
using DliSession.Client.Models;
using DliSession.Client.Paging;

namespace DliSession.Commands.Binding;

/// <summary>The project's sessions, for completing session ids, names and the queues they run in.</summary>
public sealed class SessionListing : CompletionListing
{
    protected override async IAsyncEnumerable<CompletionCandidate> ListAsync(DliClient client,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var session in client.ListSessions(new SessionListQuery(null, null), new ListingOptions<SparkSession>())
            .WithCancellation(cancellationToken).ConfigureAwait(false))
            yield return new CompletionCandidate(session.Id, session.Name, session.State, session.Target);
    }
}
