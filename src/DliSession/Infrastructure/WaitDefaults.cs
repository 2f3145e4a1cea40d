namespace DliSession.Commands.Infrastructure;

/// <summary>Defaults shared by every cmdlet that waits, so they behave alike.</summary>
internal static class WaitDefaults
{
    /// <summary>A Spark session on DLI can take minutes to start; ten is generous without being endless.</summary>
    public const int TimeoutSec = 600;

    /// <summary>A Spark job runs as long as its work takes; DLI itself gives up on one that waits 3 hours for resources.</summary>
    public const int SparkJobTimeoutSec = 4 * 3600;

    /// <summary>The first pause between polls; it grows from there (see PollSchedule).</summary>
    public const double PollIntervalSec = 2;
}
