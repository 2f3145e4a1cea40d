using DliSession.Client.Paging;
using DliSession.Client.Tests.Support;

namespace DliSession.Client.Tests.Paging;

/// <summary>
/// The listing over an in-memory service, so every request and the order of requests and items are visible: when
/// the next page is asked for, and that a service whose pages never end cannot keep it going.
/// </summary>
public sealed class ListingTests
{
    private readonly List<string> _events = [];
    private readonly RecordingLog _log = new();

    /// <summary>A well-behaved service holding <paramref name="count"/> items named i0, i1, ...</summary>
    private PageReader<string> Service(int count) => (from, size, _) =>
    {
        _events.Add($"read {from}+{size}");
        var items = Enumerable.Range(from, Math.Max(0, Math.Min(size, count - from))).Select(i => $"i{i}").ToArray();
        return Task.FromResult(new Page<string>(from, count, items));
    };

    /// <summary>A hostile service: every page is full of new items, and the total it reports grows with each page.</summary>
    private PageReader<string> Endless(int? firstTotal = 10) => (from, size, _) =>
    {
        _events.Add($"read {from}+{size}");
        var items = Enumerable.Range(from, size).Select(i => $"i{i}").ToArray();
        return Task.FromResult(new Page<string>(from, firstTotal is { } total ? total + from + size : null, items));
    };

    private Listing<string> List(PageReader<string> read, ListingOptions<string> options) =>
        new(read, options, _log, "items", item => item);

    private async Task<List<string>> ReadAllAsync(Listing<string> listing)
    {
        var items = new List<string>();
        await foreach (var item in listing)
        {
            _events.Add($"item {item}");
            items.Add(item);
        }
        return items;
    }

    [Fact]
    public async Task The_next_page_is_asked_for_after_a_pages_first_item_is_out_and_before_its_second()
    {
        await ReadAllAsync(List(Service(4), new ListingOptions<string> { PageSize = 2 }));

        Assert.Equal(["read 0+2", "item i0", "read 2+2", "item i1", "item i2", "item i3"], _events);
    }

    [Fact]
    public async Task A_caller_that_stops_after_the_first_item_costs_one_request()
    {
        await foreach (var item in List(Service(100), new ListingOptions<string> { PageSize = 10 }))
        {
            _events.Add($"item {item}");
            break;
        }

        Assert.Equal(["read 0+10", "item i0"], _events);
    }

    [Fact]
    public async Task First_asks_for_no_more_than_it_wants_and_a_short_listing_costs_no_extra_request()
    {
        var items = await ReadAllAsync(List(Service(100), new ListingOptions<string> { PageSize = 4, First = 6 }));

        Assert.Equal(["i0", "i1", "i2", "i3", "i4", "i5"], items);
        Assert.Equal(["read 0+4", "read 4+2"], _events.Where(e => e.StartsWith("read", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_filter_sees_every_item_and_skip_and_first_count_what_passes_it()
    {
        var items = await ReadAllAsync(List(Service(10), new ListingOptions<string>
        {
            PageSize = 3, Skip = 1, First = 2, Filter = item => int.Parse(item[1..]) % 2 == 0,
        }));

        Assert.Equal(["i2", "i4"], items);
        Assert.Equal(["read 0+3", "read 3+3"], _events.Where(e => e.StartsWith("read", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_total_the_first_page_reported_is_kept_while_later_pages_report_others()
    {
        var listing = List(Endless(firstTotal: 40), new ListingOptions<string> { PageSize = 10 });

        await ReadAllAsync(listing);

        Assert.Equal(50, listing.Total);
    }

    [Fact]
    public async Task A_service_whose_total_grows_with_every_page_is_left_with_a_warning_past_twice_the_first_total()
    {
        var items = await ReadAllAsync(List(Endless(firstTotal: 30), new ListingOptions<string> { PageSize = 10 }));

        // The first page reported 40; the listing reads on to twice that, then stops.
        Assert.Equal(80, items.Count);
        Assert.Equal(8, _events.Count(e => e.StartsWith("read", StringComparison.Ordinal)));
        Assert.Equal("The service reported 40 items in all but keeps sending more; the list stops after 80.", Assert.Single(_log.Warnings));
    }

    [Fact]
    public async Task Max_pages_caps_a_listing_whose_service_reports_no_total()
    {
        var items = await ReadAllAsync(List(Endless(firstTotal: null), new ListingOptions<string> { PageSize = 10, MaxPages = 3 }));

        Assert.Equal(30, items.Count);
        Assert.Equal(3, _events.Count(e => e.StartsWith("read", StringComparison.Ordinal)));
        Assert.Equal("The list stops after 3 page(s) (30 items), the most asked for; there may be more.", Assert.Single(_log.Warnings));
    }

    [Fact]
    public async Task Max_pages_says_nothing_when_the_listing_ends_on_its_last_page()
    {
        var items = await ReadAllAsync(List(Service(30), new ListingOptions<string> { PageSize = 10, MaxPages = 3 }));

        Assert.Equal(30, items.Count);
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public async Task A_page_on_its_way_when_the_caller_stops_is_cancelled_and_awaited()
    {
        var pending = new TaskCompletionSource();
        var cancelled = false;
        PageReader<string> slowSecondPage = async (from, size, cancel) =>
        {
            if (from > 0)
            {
                await using var registration = cancel.Register(() => { cancelled = true; pending.TrySetCanceled(cancel); });
                await pending.Task;
            }
            return new Page<string>(from, 100, [.. Enumerable.Range(from, size).Select(i => $"i{i}")]);
        };

        await foreach (var item in List(slowSecondPage, new ListingOptions<string> { PageSize = 10 }))
        {
            if (item == "i1") break;
        }

        Assert.True(cancelled);
    }

    [Fact]
    public async Task Memory_stays_flat_however_many_pages_a_capped_endless_listing_reads()
    {
        var listing = new Listing<string>(Endless(firstTotal: null), new ListingOptions<string> { PageSize = 1000, MaxPages = 2000 },
            _log, "items", identity: null);
        long count = 0;
        var before = 0L;
        await foreach (var _ in listing)
        {
            if (++count == 100_000) before = GC.GetTotalMemory(forceFullCollection: true);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);

        Assert.Equal(2_000_000, count);
        Assert.True(after - before < 8 * 1024 * 1024, $"memory grew by {(after - before) / 1024} KiB");
    }
}
