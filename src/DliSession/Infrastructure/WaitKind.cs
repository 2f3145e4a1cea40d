using DliSession.Client;
using DliSession.Client.Models;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// What <see cref="ParallelWaits"/> needs to know about one kind of resource: its name in messages and progress, the
/// states it never leaves, the error id for ending in one, and how to read a resource of that kind.
/// </summary>
internal sealed record WaitKind(string Noun, Func<string, bool> IsTerminal, string EndedErrorId,
    Func<DliClient, string, CancellationToken, Task<string>> ReadState,
    Func<DliClient, string, CancellationToken, Task<object>> Read,
    Func<DliClient, string, int, CancellationToken, Task<IReadOnlyList<string>>> ReadLogTail)
{
    /// <summary>Sessions: polled on their own <c>/state</c> URL, which also keeps their heartbeat alive.</summary>
    public static WaitKind Session { get; } = new("session", SessionStates.IsTerminal, "DliSessionEnded",
        (client, id, cancel) => client.GetSessionStateAsync(id, cancel),
        async (client, id, cancel) => await client.GetSessionAsync(id, cancel).ConfigureAwait(false),
        async (client, id, size, cancel) => (await client.GetSessionLogAsync(id, from: null, size, cancel).ConfigureAwait(false)).Items);
}
