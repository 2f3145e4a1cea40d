namespace DliSession.Client.Models;

/// <summary>One page of a session's log: <see cref="From"/> is the index of its first line in a log of <see cref="Total"/> lines.</summary>
public sealed record SessionLogPage(string SessionId, int From, int Total, IReadOnlyList<string> Lines);
