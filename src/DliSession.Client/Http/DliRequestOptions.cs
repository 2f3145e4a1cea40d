namespace DliSession.Client.Http;

/// <summary>What travels with each request through the handlers: who sends it, where diagnostics go, the body's bytes.</summary>
internal static class DliRequestOptions
{
    public static readonly HttpRequestOptionsKey<DliContext> Context = new("dli.context");
    public static readonly HttpRequestOptionsKey<IDliLog> Log = new("dli.log");

    /// <summary>The exact bytes of the body, so the signature covers what is sent without reading the content twice.</summary>
    public static readonly HttpRequestOptionsKey<byte[]> Body = new("dli.body");

    /// <summary>Set when the caller blocks until the answer anyway: the exchange then runs on the caller's thread.</summary>
    public static readonly HttpRequestOptionsKey<bool> OnCallingThread = new("dli.calling-thread");

    public static DliContext GetContext(HttpRequestMessage request) =>
        request.Options.TryGetValue(Context, out var context)
            ? context
            : throw new InvalidOperationException("A DLI request was sent without its context.");

    public static IDliLog GetLog(HttpRequestMessage request) =>
        request.Options.TryGetValue(Log, out var log) ? log : NullDliLog.Instance;

    public static bool IsOnCallingThread(HttpRequestMessage request) =>
        request.Options.TryGetValue(OnCallingThread, out var inline) && inline;

    public static ReadOnlySpan<byte> GetBody(HttpRequestMessage request) =>
        request.Options.TryGetValue(Body, out var body) ? body : ReadOnlySpan<byte>.Empty;
}
