using System.Runtime.CompilerServices;
using DliSession.Client;
using DliSession.Client.Models;

namespace DliSession.Commands.Binding;

/// <summary>The project's sessions, for completing session ids, names and the queues they run in.</summary>
public sealed class SessionListing : CompletionListing
{
    protected override async IAsyncEnumerable<IReadOnlyList<CompletionCandidate>> ListAsync(DliClient client,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in client.ListSessionPagesAsync(new SessionListQuery(null, null), 0, DliClient.DefaultPageSize, cancellationToken)
            .ConfigureAwait(false))
            yield return page.Sessions.Select(s => new CompletionCandidate(s.Id, s.Name, s.State, s.Target)).ToArray();
    }
}
