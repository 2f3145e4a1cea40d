namespace DliSession.Client.Models;

/// <summary>A statement run in a session, with the session it belongs to and the context to reach it again.</summary>
public sealed class SparkStatement
{
    public required string SessionId { get; init; }
    public required int Id { get; init; }
    public string? Code { get; init; }
    public required string State { get; init; }
    public double Progress { get; init; }
    public StatementOutput? Output { get; init; }
    public required DliContext Context { get; init; }

    public bool IsFinished => StatementStates.IsFinished(State);

    public override string ToString() => $"{SessionId}/{Id}";
}

/// <summary>What a finished statement produced: <c>ok</c> with data, or <c>error</c> with the exception's name, value and traceback.</summary>
public sealed class StatementOutput
{
    public string? Status { get; init; }
    public int? ExecutionCount { get; init; }
    public IReadOnlyDictionary<string, string?> Data { get; init; } = new Dictionary<string, string?>();
    public string? ErrorName { get; init; }
    public string? ErrorValue { get; init; }
    public string[] Traceback { get; init; } = [];

    /// <summary>The <c>text/plain</c> result, the one Spark's Scala REPL gives.</summary>
    public string? Text => Data.TryGetValue("text/plain", out var text) ? text : null;

    public bool IsError => string.Equals(Status, "error", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => IsError ? $"{ErrorName}: {ErrorValue}" : Text ?? Status ?? string.Empty;
}

public static class StatementStates
{
    public const string Waiting = "waiting";
    public const string Running = "running";
    public const string Available = "available";
    public const string Error = "error";
    public const string Cancelling = "cancelling";
    public const string Cancelled = "cancelled";

    public static bool IsFinished(string state) => state is Available or Error or Cancelled;
}
