namespace DliSession.Client.Models;

/// <summary>One page of the session list: the sessions from offset <see cref="From"/>, and how many match in all (when the service says).</summary>
public sealed record SessionListPage(int From, int? Total, IReadOnlyList<SparkSession> Sessions);
