using DliSession.Client;
using DliSession.Client.Errors;
using DliSession.Client.Models;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// What <see cref="ParallelWaits"/> needs to know about one kind of resource: its name in messages and progress, the
/// states it never leaves, the error for ending in one, and how to read a resource of that kind.
/// </summary>
/// <param name="Ended">The error id and exception for a resource that ended in a state (given with the message and
/// its last meaningful log lines) other than the ones waited for.</param>
internal sealed record WaitKind(string Noun, Func<string, bool> IsTerminal,
    Func<string, string, IReadOnlyList<string>, (string ErrorId, Exception Error)> Ended,
    Func<DliClient, string, CancellationToken, Task<string>> ReadState,
    Func<DliClient, string, CancellationToken, Task<object>> Read,
    Func<DliClient, string, int, CancellationToken, Task<IReadOnlyList<string>>> ReadLogTail)
{
    /// <summary>Sessions: polled on their own <c>/state</c> URL, which also keeps their heartbeat alive.</summary>
    public static WaitKind Session { get; } = new("session", SessionStates.IsTerminal,
        (_, message, _) => ("DliSessionEnded", new InvalidOperationException(message)),
        (client, id, cancel) => client.GetSessionStateAsync(id, cancel),
        async (client, id, cancel) => await client.GetSessionAsync(id, cancel).ConfigureAwait(false),
        async (client, id, size, cancel) => (await client.GetSessionLogAsync(id, from: null, size, cancel).ConfigureAwait(false)).Items);

    /// <summary>
    /// Spark jobs: polled on their own <c>/state</c> URL. A dead job failed (<c>DliSparkJobFailed</c>, with its log
    /// lines); one that succeeded while another state was wanted has merely ended.
    /// </summary>
    public static WaitKind SparkJob { get; } = new("Spark job", SparkJobStates.IsTerminal,
        (state, message, lines) => SparkJobStates.Is(state, SparkJobStates.Dead)
            ? (SparkJobFailedException.Id, new SparkJobFailedException(message, state, lines))
            : ("DliSparkJobEnded", new InvalidOperationException(message)),
        (client, id, cancel) => client.GetSparkJobStateAsync(id, cancel),
        async (client, id, cancel) => await client.GetSparkJobAsync(id, cancel).ConfigureAwait(false),
        async (client, id, size, cancel) => (await client.GetSparkJobLogAsync(id, new SparkJobLogQuery { Size = size }, cancel)
            .ConfigureAwait(false)).Items);
}
