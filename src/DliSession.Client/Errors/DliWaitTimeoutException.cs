namespace DliSession.Client.Errors;

/// <summary>
/// A wait ran out of time: the resource was not in a wanted state by then, or the service did not answer in time.
/// The one place the <c>DliWaitTimeout</c> error is made, for every kind of wait.
/// </summary>
public sealed class DliWaitTimeoutException : DliException
{
    public const string Id = "DliWaitTimeout";

    /// <param name="subject">What was waited for, as the message's subject ("Session s1", "Statement 3 in session s1").</param>
    /// <param name="lastState">The last state read; null when the service gave no answer in time.</param>
    /// <param name="timeout">The time the wait had.</param>
    /// <param name="detail">More to say (what it waited for, the last log lines); appended to the message.</param>
    public DliWaitTimeoutException(string subject, string? lastState, TimeSpan timeout, string? detail = null)
        : base(Id, DliErrorKind.Timeout, Describe(subject, lastState, timeout, detail))
    {
        LastState = lastState;
        Timeout = timeout;
    }

    /// <summary>The last state read; null when the service gave no answer in time.</summary>
    public string? LastState { get; }

    public TimeSpan Timeout { get; }

    private static string Describe(string subject, string? lastState, TimeSpan timeout, string? detail)
    {
        var seconds = $"{timeout.TotalSeconds:0.#} s";
        var what = lastState is null
            ? $"{subject}: the service gave no answer within {seconds}."
            : $"{subject} was still {lastState} after {seconds}.";
        return detail is null ? what : $"{what} {detail}";
    }
}
