namespace DliSession.Client.Paging;

/// <summary>
/// What part of a listing to read and how: <see cref="Skip"/> and <see cref="First"/> count the items that pass
/// <see cref="Filter"/>. Without a filter the service skips and stops for us; with one every item must be seen.
/// </summary>
public sealed record ListingOptions<T>
{
    /// <summary>Items to leave out at the start.</summary>
    public ulong Skip { get; init; }

    /// <summary>The most items to return; <see cref="ulong.MaxValue"/> for all.</summary>
    public ulong First { get; init; } = ulong.MaxValue;

    /// <summary>How many items to ask for per request.</summary>
    public int PageSize { get; init; } = DliClient.DefaultPageSize;

    /// <summary>A local filter (the service cannot filter by it); null keeps every item.</summary>
    public Func<T, bool>? Filter { get; init; }

    /// <summary>The most pages to request; null for no cap beyond the listing's own end.</summary>
    public int? MaxPages { get; init; }

    internal bool Filtered => Filter is not null;
}
