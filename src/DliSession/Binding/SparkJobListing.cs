using System.Runtime.CompilerServices;
using DliSession.Client;
using DliSession.Client.Models;
using DliSession.Client.Paging;

namespace DliSession.Commands.Binding;

/// <summary>
/// The project's Spark jobs, newest first (a project keeps its whole history of jobs, and the recent ones are those
/// typed), for completing job ids, names and the queues they run in.
/// </summary>
public sealed class SparkJobListing : CompletionListing
{
    protected override async IAsyncEnumerable<CompletionCandidate> ListAsync(DliClient client,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var job in client.ListSparkJobs(new SparkJobListQuery { Order = SparkJobOrder.CreateTimeDesc }, new ListingOptions<SparkJob>())
            .WithCancellation(cancellationToken).ConfigureAwait(false))
            yield return new CompletionCandidate(job.Id, job.Name, job.State, job.Target);
    }
}
