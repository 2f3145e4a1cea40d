using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DliSession.Client.Errors;
using DliSession.Client.Http;
using DliSession.Client.Json;
using DliSession.Client.Logs;
using DliSession.Client.Models;
using DliSession.Client.Paging;
using DliSession.Client.Safety;

namespace DliSession.Client;

/// <summary>
/// The DLI session and statement API, one method per endpoint, over the shared HTTP pipeline. Cheap to create:
/// it holds only the context and where to log.
/// </summary>
public sealed partial class DliClient(DliContext context, IDliLog? log = null, HttpClient? http = null)
{
    /// <summary>DLI's documented page size is unknown; Livy's default is 100. 1000 keeps round trips few.</summary>
    public const int DefaultPageSize = 1000;

    /// <summary>DLI's limit on a statement's code.</summary>
    public const int MaxCodeLength = 1024;

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly IDliLog _log = log ?? NullDliLog.Instance;
    private readonly HttpClient _http = http ?? DliHttp.Client;

    public DliContext Context => context;

    /// <summary>
    /// For a caller that blocks on each call until it ends: the request is sent and its answer awaited on the calling
    /// thread, which saves the thread switches of an asynchronous wait. Leave it off for calls that must overlap (a
    /// prefetched page, concurrent polls): such a call returns only once its answer's head is in.
    /// </summary>
    public bool SendOnCallingThread { get; init; }

    public async Task<SparkSession> CreateSessionAsync(CreateSessionRequest request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, DliJsonContext.Default.CreateSessionRequest);
        var wire = await SendAsync(HttpMethod.Post, "sessions", body, DliJsonContext.Default.SessionWire, "a session", cancellationToken)
            .ConfigureAwait(false);
        return WireMapper.ToSession(wire, context);
    }

    public async Task<SparkSession> GetSessionAsync(string id, CancellationToken cancellationToken)
    {
        var wire = await SendAsync(HttpMethod.Get, SessionPath(id), null, DliJsonContext.Default.SessionWire, "a session", cancellationToken)
            .ConfigureAwait(false);
        return WireMapper.ToSession(wire, context);
    }

    /// <summary>The session's state from its own <c>/state</c> URL, which also counts as a heartbeat.</summary>
    public async Task<string> GetSessionStateAsync(string id, CancellationToken cancellationToken)
    {
        var wire = await SendAsync(HttpMethod.Get, SessionPath(id) + "/state", null, DliJsonContext.Default.SessionStateWire,
            "a session state", cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(wire.State)
            ? throw new DliResponseException(DliResponseException.WrongShape, "The service's JSON is not a session state: it has no state.")
            : wire.State;
    }

    /// <summary>One page of the list: <paramref name="from"/> is the offset of its first session.</summary>
    public async Task<Page<SparkSession>> ListSessionsPageAsync(SessionListQuery query, int from, int size, CancellationToken cancellationToken)
    {
        var path = $"sessions?from={from}&size={size}";
        if (query.ClusterName is { } cluster) path += "&cluster_name=" + Uri.EscapeDataString(cluster);
        if (query.Queue is { } queue) path += "&queue=" + Uri.EscapeDataString(queue);
        var wire = await SendAsync(HttpMethod.Get, path, null, DliJsonContext.Default.SessionListWire, "a session list", cancellationToken)
            .ConfigureAwait(false);
        if (wire.Sessions is null)
            throw new DliResponseException(DliResponseException.WrongShape, "The service's JSON is not a session list: it has no sessions.");
        var sessions = new SparkSession[wire.Sessions.Count];
        for (var i = 0; i < sessions.Length; i++) sessions[i] = WireMapper.ToSession(wire.Sessions[i], context);
        return new Page<SparkSession>(from, wire.Total, sessions);
    }

    /// <summary>The sessions <paramref name="query"/> selects, streamed page by page (see <see cref="Listing{T}"/>).</summary>
    public Listing<SparkSession> ListSessions(SessionListQuery query, ListingOptions<SparkSession> options) =>
        new((from, size, cancellationToken) => ListSessionsPageAsync(query, from, size, cancellationToken), options, _log,
            "sessions", session => session.Id);

    /// <summary>
    /// Lines of a session's log from line <paramref name="from"/> on, at most <paramref name="size"/>; without
    /// <paramref name="from"/>, the service answers with the last <paramref name="size"/> lines.
    /// </summary>
    public async Task<Page<string>> GetSessionLogAsync(string id, int? from, int? size, CancellationToken cancellationToken)
    {
        var query = new List<string>(2);
        if (from is { } f) query.Add($"from={f}");
        if (size is { } s) query.Add($"size={s}");
        var path = SessionPath(id) + "/log" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
        var wire = await SendAsync(HttpMethod.Get, path, null, DliJsonContext.Default.SessionLogWire, "a session log", cancellationToken)
            .ConfigureAwait(false);
        var lines = wire.Log ?? throw new DliResponseException(DliResponseException.WrongShape, "The service's JSON is not a session log: it has no log.");
        var first = wire.From ?? from ?? 0;
        // Without a total, the lines sent are all there is.
        return new Page<string>(first, wire.Total ?? first + lines.Length, lines);
    }

    /// <summary>A session's log: to read in part, from its end, or to follow until the session ends.</summary>
    public LogSource SessionLog(string id) =>
        new($"Session '{id}'", (from, size, cancellationToken) => GetSessionLogAsync(id, from, size, cancellationToken),
            cancellationToken => GetSessionStateAsync(id, cancellationToken), SessionStates.IsTerminal, _log);

    public async Task DeleteSessionAsync(string id, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, SessionPath(id), null, DliJsonContext.Default.MessageWire, "a confirmation", cancellationToken)
            .ConfigureAwait(false);

    public async Task<SparkStatement> CreateStatementAsync(string sessionId, string code, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new CreateStatementWire { Code = code }, DliJsonContext.Default.CreateStatementWire);
        var wire = await SendAsync(HttpMethod.Post, SessionPath(sessionId) + "/statements", body, DliJsonContext.Default.StatementWire,
            "a statement", cancellationToken).ConfigureAwait(false);
        return WireMapper.ToStatement(wire, sessionId, context);
    }

    public async Task<IReadOnlyList<SparkStatement>> ListStatementsAsync(string sessionId, CancellationToken cancellationToken)
    {
        var wire = await SendAsync(HttpMethod.Get, SessionPath(sessionId) + "/statements", null, DliJsonContext.Default.StatementListWire,
            "a statement list", cancellationToken).ConfigureAwait(false);
        var statements = wire.Statements
            ?? throw new DliResponseException(DliResponseException.WrongShape, "The service's JSON is not a statement list: it has no statements.");
        return statements.Select(s => WireMapper.ToStatement(s, sessionId, context)).ToArray();
    }

    public async Task<SparkStatement> GetStatementAsync(string sessionId, int statementId, CancellationToken cancellationToken)
    {
        var wire = await SendAsync(HttpMethod.Get, $"{SessionPath(sessionId)}/statements/{statementId}", null,
            DliJsonContext.Default.StatementWire, "a statement", cancellationToken).ConfigureAwait(false);
        return WireMapper.ToStatement(wire, sessionId, context);
    }

    public async Task CancelStatementAsync(string sessionId, int statementId, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, $"{SessionPath(sessionId)}/statements/{statementId}/cancel", null,
            DliJsonContext.Default.MessageWire, "a confirmation", cancellationToken).ConfigureAwait(false);

    private static string SessionPath(string id) => "sessions/" + PathSegment.Escape(id, "the session id");

    private async Task<T> SendAsync<T>(HttpMethod method, string relative, byte[]? body, JsonTypeInfo<T> type, string expected,
        CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(method, context.ProjectUri(relative));
        request.Options.Set(DliRequestOptions.Context, context);
        request.Options.Set(DliRequestOptions.Log, _log);
        if (SendOnCallingThread) request.Options.Set(DliRequestOptions.OnCallingThread, true);
        if (body is not null)
        {
            request.Options.Set(DliRequestOptions.Body, body);
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
        }
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var bytes = response.Content is BufferedContent buffered
            ? buffered.Bytes
            : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw ErrorResponse.Failure(response, bytes.Span, method.Method, request.RequestUri!.AbsolutePath);
        return ResponseParser.Parse(bytes.Span, type, expected);
    }
}
