namespace DliSession.Client.Http;

/// <summary>
/// Where the core reports what it does. Called from any thread; the cmdlets' implementation only queues the
/// message and writes it later on the pipeline thread. Messages never contain a secret.
/// </summary>
public interface IDliLog
{
    /// <summary>False when nobody reads debug messages, so the tracer need not build them.</summary>
    bool DebugEnabled { get; }

    void Verbose(string message);
    void Debug(string message);
    void Warning(string message);
}

/// <summary>Discards everything: for callers that want no diagnostics.</summary>
public sealed class NullDliLog : IDliLog
{
    public static NullDliLog Instance { get; } = new();
    public bool DebugEnabled => false;
    public void Verbose(string message) { }
    public void Debug(string message) { }
    public void Warning(string message) { }
}
