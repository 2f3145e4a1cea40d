namespace DliSession.Client.Errors;

/// <summary>
/// A Spark job ended dead. Besides the message, it holds the job's last meaningful log lines, the first thing anyone
/// asks for, so a runbook can report them without another request.
/// </summary>
public sealed class SparkJobFailedException(string message, string state, IReadOnlyList<string> logLines)
    : DliException(Id, DliErrorKind.InvalidOperation, message)
{
    public const string Id = "DliSparkJobFailed";

    /// <summary>The state the job ended in, as the service spelled it.</summary>
    public string State { get; } = state;

    /// <summary>The last non-blank lines of the job's log, oldest first; empty when it could not be read.</summary>
    public IReadOnlyList<string> LogLines { get; } = logLines;
}
