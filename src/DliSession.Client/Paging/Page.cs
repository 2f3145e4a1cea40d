namespace DliSession.Client.Paging;

/// <summary>
/// One page of an offset-paged DLI listing (sessions, Spark jobs, log lines): the items from offset
/// <see cref="From"/>, and how many there are in all when the service says.
/// </summary>
public sealed record Page<T>(int From, int? Total, IReadOnlyList<T> Items);

/// <summary>Reads the page of at most <paramref name="size"/> items that starts at offset <paramref name="from"/>.</summary>
public delegate Task<Page<T>> PageReader<T>(int from, int size, CancellationToken cancellationToken);
