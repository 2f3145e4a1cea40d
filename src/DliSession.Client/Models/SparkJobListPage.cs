namespace DliSession.Client.Models;

/// <summary>One page of the Spark job list: the jobs from offset <see cref="From"/>, and how many match in all (when the service says).</summary>
public sealed record SparkJobListPage(int From, int? Total, IReadOnlyList<SparkJob> Jobs);
