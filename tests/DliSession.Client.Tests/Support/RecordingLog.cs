using System.Collections.Concurrent;
using DliSession.Client.Http;

namespace DliSession.Client.Tests.Support;

/// <summary>Keeps every message the core writes, to assert on retry lines and warnings.</summary>
public sealed class RecordingLog : IDliLog
{
    public ConcurrentQueue<string> Verbose { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();

    public bool DebugEnabled => false;
    void IDliLog.Verbose(string message) => Verbose.Enqueue(message);
    void IDliLog.Debug(string message) { }
    void IDliLog.Warning(string message) => Warnings.Enqueue(message);
}
