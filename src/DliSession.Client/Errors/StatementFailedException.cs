using DliSession.Client.Models;

namespace DliSession.Client.Errors;

/// <summary>The error a statement's code raised, with its name, value and traceback as the service reported them.</summary>
public sealed class StatementFailedException(SparkStatement statement, StatementOutput output) : Exception(Describe(statement, output))
{
    public const string Id = "DliStatementFailed";

    public string? ErrorName { get; } = output.ErrorName;
    public string? ErrorValue { get; } = output.ErrorValue;
    public IReadOnlyList<string> Traceback { get; } = output.Traceback;

    private static string Describe(SparkStatement statement, StatementOutput output)
    {
        var traceback = output.Traceback.Length == 0 ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, output.Traceback);
        return $"Statement {statement.Id} in session {statement.SessionId} failed: {output.ErrorName}: {output.ErrorValue}{traceback}";
    }
}
