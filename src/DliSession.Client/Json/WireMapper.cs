using System.Text.Json;
using DliSession.Client.Errors;
using DliSession.Client.Models;
using DliSession.Client.Safety;

namespace DliSession.Client.Json;

/// <summary>From wire objects to the module's models, refusing objects that lack what identifies them.</summary>
internal static partial class WireMapper
{
    public static SparkSession ToSession(SessionWire? wire, DliContext context)
    {
        if (wire is null) throw Shape("a session", "the session is null");
        return new SparkSession
        {
            Id = UsableId(wire.Id, "a session"),
            State = Required(wire.State, "a session", "state"),
            AppId = Text(wire.AppId),
            Name = Text(wire.Name),
            Owner = Text(wire.Owner),
            ProxyUser = Text(wire.ProxyUser),
            Kind = Text(wire.Kind),
            ScType = Text(wire.ScType),
            ClusterName = Text(wire.ClusterName),
            Queue = Text(wire.Queue),
            AppInfo = wire.AppInfo is { } details ? new AppInfo(details) : null,
            Log = wire.Log is { } log ? new LogLines(log) : LogLines.None,
            CreateTime = Time(wire.CreateTime),
            UpdateTime = Time(wire.UpdateTime),
            ProjectId = context.ProjectId,
            Endpoint = context.Endpoint,
            Context = context,
        };
    }

    public static SparkStatement ToStatement(StatementWire? wire, string sessionId, DliContext context)
    {
        if (wire is null) throw Shape("a statement", "the statement is null");
        return new SparkStatement
        {
            SessionId = sessionId,
            Id = wire.Id ?? throw Shape("a statement", "it has no id"),
            Code = wire.Code,
            State = Required(wire.State, "a statement", "state"),
            Progress = wire.Progress ?? 0,
            Output = ToOutput(wire.Output),
            Context = context,
        };
    }

    private static StatementOutput? ToOutput(JsonElement? element)
    {
        if (element is not { } output || output.ValueKind == JsonValueKind.Null) return null;
        // Documented as "Array of objects", sent as one object.
        if (output.ValueKind == JsonValueKind.Array)
        {
            if (output.GetArrayLength() == 0) return null;
            output = output[0];
        }
        if (output.ValueKind != JsonValueKind.Object) throw Shape("a statement", "its output is not an object");
        StatementOutputWire wire;
        try { wire = output.Deserialize(DliJsonContext.Default.StatementOutputWire)!; }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw Shape("a statement", $"its output is malformed: {ex.Message}");
        }
        return new StatementOutput
        {
            Status = Text(wire.Status),
            ExecutionCount = wire.ExecutionCount,
            Data = wire.Data ?? new Dictionary<string, string?>(),
            ErrorName = Text(wire.ErrorName),
            ErrorValue = Text(wire.ErrorValue),
            Traceback = wire.Traceback ?? [],
        };
    }

    /// <summary>DLI sends <c>null</c> in one example and <c>""</c> in another for the same absent value.</summary>
    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Epoch milliseconds; 0 means "not yet".</summary>
    private static DateTimeOffset? Time(long? epochMilliseconds, string what = "a session")
    {
        if (epochMilliseconds is not { } ms || ms <= 0) return null;
        try { return DateTimeOffset.FromUnixTimeMilliseconds(ms); }
        catch (ArgumentOutOfRangeException) { throw Shape(what, $"its time {ms} is not epoch milliseconds"); }
    }

    /// <summary>
    /// An id the module will put into later URLs (a listed session piped to Remove-DliSession): one that would change
    /// the path, such as <c>..</c>, is refused here, when it is read, rather than sent back signed.
    /// </summary>
    private static string UsableId(string? value, string what)
    {
        var id = Required(value, what, "id");
        return PathSegment.Problem(id) is { } problem
            ? throw Shape(what, $"its id {PathSegment.Quoted(id)} cannot be used in a request URL ({problem})")
            : id;
    }

    private static string Required(string? value, string what, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Shape(what, $"it has no {field}") : value;

    private static DliResponseException Shape(string what, string why) =>
        new(DliResponseException.WrongShape, $"The service's JSON is not {what}: {why}.");
}
