using DliSession.Client.Models;

namespace DliSession.Client.Errors;

/// <summary>
/// A Spark job ended dead: the job as it ended and its last log lines, the first thing anyone asks for, so a runbook
/// can report them without another request.
/// </summary>
public sealed class SparkJobFailedException(SparkJob job, IReadOnlyList<string> logLines, string? logError = null)
    : DliException(ErrorIdFailed, DliErrorKind.InvalidOperation, Describe(job, logLines, logError))
{
    public const string ErrorIdFailed = "DliSparkJobFailed";

    public SparkJob Job { get; } = job;

    /// <summary>The last non-blank lines of the job's log, oldest first.</summary>
    public IReadOnlyList<string> LogLines { get; } = logLines;

    private static string Describe(SparkJob job, IReadOnlyList<string> lines, string? logError)
    {
        var what = $"Spark job {job.Id}{(job.Name is null ? string.Empty : $" ('{job.Name}')")} is {job.State}: it failed.";
        if (logError is not null) return $"{what} Its log could not be read: {logError}";
        if (lines.Count == 0) return what;
        return $"{what} Its last log lines:{Environment.NewLine}{string.Join(Environment.NewLine, lines.Select(l => "  " + l))}";
    }
}
