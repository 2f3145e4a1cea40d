namespace DliSession.Client.Waiting;

/// <summary>
/// When to ask again: soon at first (a quarter of a second), then twice as long each time up to the steady interval.
/// Short waits end promptly, long ones settle at one request per interval, which never floods the service and, at
/// the default of 2 s, stays well inside any heartbeat timeout.
/// </summary>
public sealed class PollSchedule(TimeSpan steady)
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(250);
    private TimeSpan _next = steady < Initial ? steady : Initial;

    public TimeSpan Next()
    {
        var current = _next;
        var doubled = _next * 2;
        _next = doubled < steady ? doubled : steady;
        return current;
    }
}
