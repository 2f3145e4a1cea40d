using System.Collections.Concurrent;
using System.Diagnostics;

namespace DliSession.Emulator.Control;

/// <summary>Counters that let tests check connection reuse and server-side cost of a client's calls.</summary>
internal sealed class EmulatorStats
{
    private readonly ConcurrentDictionary<string, byte> _connections = new(StringComparer.Ordinal);
    private long _requests;
    private long _handlerTicks;

    public long Requests => Interlocked.Read(ref _requests);
    public int Connections => _connections.Count;
    public long ServerMicroseconds => Interlocked.Read(ref _handlerTicks) * 1_000_000 / Stopwatch.Frequency;

    public void CountRequest(string connectionId)
    {
        Interlocked.Increment(ref _requests);
        _connections.TryAdd(connectionId, 0);
    }

    public void AddHandlerTime(long stopwatchTicks) => Interlocked.Add(ref _handlerTicks, stopwatchTicks);
}
