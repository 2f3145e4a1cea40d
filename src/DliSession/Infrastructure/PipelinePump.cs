using System.Collections.Concurrent;
using System.Management.Automation;
using DliSession.Client.Http;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// Keeps every Write* on the pipeline thread. The core logs, and waits report progress, from whatever thread their
/// continuations run on; this only queues those writes, and <see cref="Wait{T}"/> runs them on the pipeline thread
/// while it waits for the work to finish.
/// </summary>
internal sealed class PipelinePump(Cmdlet cmdlet, bool debugEnabled, bool verboseAsDebug) : IDliLog
{
    // A null entry marks the end of the awaited work. Made on first use: most calls (a quiet -Id read, waited for on
    // the pipeline thread) queue nothing and never wait, and the collection is a good part of what a call allocates.
    private BlockingCollection<Action?>? _queue;

    private BlockingCollection<Action?> Queue => LazyInitializer.EnsureInitialized(ref _queue);

    public bool DebugEnabled { get; } = debugEnabled;

    // A binary cmdlet given -Debug without -Verbose inquires on every verbose line, which fails in a
    // non-interactive host; its reader asked for the debug stream, so the line goes there.
    public void Verbose(string message) =>
        Queue.Add(verboseAsDebug ? () => cmdlet.WriteDebug(message) : () => cmdlet.WriteVerbose(message));

    public void Debug(string message)
    {
        if (DebugEnabled) Queue.Add(() => cmdlet.WriteDebug(message));
    }

    public void Warning(string message) => Queue.Add(() => cmdlet.WriteWarning(message));

    /// <summary>Queues any write (progress, say) to run on the pipeline thread.</summary>
    public void Post(Action write) => Queue.Add(write);

    /// <summary>Blocks the pipeline thread until <paramref name="task"/> ends, running queued writes as they come.</summary>
    public T Wait<T>(Task<T> task)
    {
        Await(task);
        return task.GetAwaiter().GetResult();
    }

    public void Wait(Task task)
    {
        Await(task);
        task.GetAwaiter().GetResult();
    }

    /// <summary>Runs what is queued now.</summary>
    public void Flush()
    {
        var queue = Volatile.Read(ref _queue);
        while (queue is not null && queue.TryTake(out var write) && write is not null) write();
    }

    private void Await(Task task)
    {
        if (!task.IsCompleted)
        {
            var queue = Queue;
            task.GetAwaiter().UnsafeOnCompleted(() => queue.Add(null));
            foreach (var write in queue.GetConsumingEnumerable())
            {
                if (write is null) break;
                write();
            }
        }
        Flush();
    }
}
