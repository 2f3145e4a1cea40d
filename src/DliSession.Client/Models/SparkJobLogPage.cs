namespace DliSession.Client.Models;

/// <summary>One page of a Spark job's log: <see cref="From"/> is the index of its first line in a log of <see cref="Total"/> lines.</summary>
public sealed record SparkJobLogPage(string JobId, long From, long Total, IReadOnlyList<string> Lines);
