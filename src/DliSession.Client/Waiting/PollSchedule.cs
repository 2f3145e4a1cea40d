namespace DliSession.Client.Waiting;

/// <summary>
/// When to ask again: the first interval as given, then half as long again each time, up to four times the first
/// and never more than 30 s, so a long wait neither floods the service nor lets a session's heartbeat lapse.
/// </summary>
public sealed class PollSchedule(TimeSpan first)
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(30);
    private readonly TimeSpan _max = first * 4 < Ceiling ? first * 4 : (first > Ceiling ? first : Ceiling);
    private TimeSpan _next = first;

    public TimeSpan Next()
    {
        var current = _next;
        var grown = _next * 1.5;
        _next = grown < _max ? grown : _max;
        return current;
    }
}
