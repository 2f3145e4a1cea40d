using System.Collections.Concurrent;
using System.Management.Automation;
using DliSession.Client.Http;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// Keeps every Write* on the pipeline thread. The core logs from whatever thread its HTTP continuation runs on;
/// this sink only queues those messages, and <see cref="Wait{T}"/> writes them from the pipeline thread while it
/// waits for the work to finish.
/// </summary>
internal sealed class PipelinePump(Cmdlet cmdlet, bool debugEnabled, bool verboseAsDebug) : IDliLog
{
    private enum Stream { Verbose, Debug, Warning, Done }

    private readonly BlockingCollection<(Stream Stream, string Text)> _queue = new();

    public bool DebugEnabled { get; } = debugEnabled;

    public void Verbose(string message) => _queue.Add((Stream.Verbose, message));

    public void Debug(string message)
    {
        if (DebugEnabled) _queue.Add((Stream.Debug, message));
    }

    public void Warning(string message) => _queue.Add((Stream.Warning, message));

    /// <summary>Blocks the pipeline thread until <paramref name="task"/> ends, writing queued messages as they come.</summary>
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

    public bool Wait(ValueTask<bool> task) => task.IsCompletedSuccessfully ? Flush(task.Result) : Wait(task.AsTask());

    /// <summary>Writes what is queued now; for callers that finished work without waiting.</summary>
    public void Flush()
    {
        while (_queue.TryTake(out var message)) Write(message);
    }

    private bool Flush(bool result)
    {
        Flush();
        return result;
    }

    private void Await(Task task)
    {
        if (!task.IsCompleted)
        {
            task.GetAwaiter().UnsafeOnCompleted(() => _queue.Add((Stream.Done, string.Empty)));
            foreach (var message in _queue.GetConsumingEnumerable())
            {
                if (message.Stream == Stream.Done) break;
                Write(message);
            }
        }
        Flush();
    }

    private void Write((Stream Stream, string Text) message)
    {
        switch (message.Stream)
        {
            // A binary cmdlet given -Debug without -Verbose inquires on every verbose line, which fails in a
            // non-interactive host; its reader asked for the debug stream, so the line goes there.
            case Stream.Verbose when verboseAsDebug: cmdlet.WriteDebug(message.Text); break;
            case Stream.Verbose: cmdlet.WriteVerbose(message.Text); break;
            case Stream.Debug: cmdlet.WriteDebug(message.Text); break;
            case Stream.Warning: cmdlet.WriteWarning(message.Text); break;
        }
    }
}
