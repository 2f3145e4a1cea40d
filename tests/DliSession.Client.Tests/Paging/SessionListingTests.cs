using DliSession.Client.Models;
using DliSession.Client.Paging;
using DliSession.Client.Tests.Support;

namespace DliSession.Client.Tests.Paging;

/// <summary>The session list and a session's log through the listing, against the emulator: what is asked for, where it stops.</summary>
public sealed class SessionListingTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;
    private string[] _ids = [];

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync();
        _ids = await _emulator.CreateSessionsAsync(5);
        await _emulator.ClearJournalAsync();
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<List<string>> IdsAsync(ListingOptions<SparkSession> options, RecordingLog? log = null)
    {
        var ids = new List<string>();
        await foreach (var session in _emulator.Client(log: log).ListSessions(SessionListQuery.All, options)) ids.Add(session.Id);
        return ids;
    }

    private async Task<string[]> QueriesAsync(string pathEnd = "/sessions") =>
        [.. (await _emulator.JournalAsync()).Where(e => ((string)e!["path"]!).EndsWith(pathEnd, StringComparison.Ordinal)).Select(e => (string)e!["query"]!)];

    [Fact]
    public async Task Pages_stream_in_order_and_stop_at_the_total_without_asking_for_an_empty_page()
    {
        var ids = await IdsAsync(new ListingOptions<SparkSession> { PageSize = 2 });

        Assert.Equal(_ids, ids);
        Assert.Equal(["?from=0&size=2", "?from=2&size=2", "?from=4&size=2"], await QueriesAsync());
    }

    [Fact]
    public async Task Skip_and_first_are_sent_to_the_service_when_nothing_is_filtered_locally()
    {
        var ids = await IdsAsync(new ListingOptions<SparkSession> { Skip = 3, First = 1, PageSize = 10 });

        Assert.Equal([_ids[3]], ids);
        Assert.Equal(["?from=3&size=1"], await QueriesAsync());
    }

    [Fact]
    public async Task With_a_local_filter_every_session_is_read_and_skip_and_first_count_the_matches()
    {
        var ids = await IdsAsync(new ListingOptions<SparkSession> { Skip = 1, First = 2, PageSize = 2, Filter = s => s.Name != "s1" });

        Assert.Equal([_ids[2], _ids[3]], ids);
        Assert.Equal(["?from=0&size=2", "?from=2&size=2"], await QueriesAsync());
    }

    [Fact]
    public async Task The_total_the_first_page_reported_is_known_once_the_first_session_is_out()
    {
        var listing = _emulator.Client().ListSessions(SessionListQuery.All, new ListingOptions<SparkSession> { PageSize = 2 });
        await using var items = listing.GetAsyncEnumerator();

        Assert.Null(listing.Total);
        Assert.True(await items.MoveNextAsync());
        Assert.Equal(5, listing.Total);
    }

    [Fact]
    public async Task A_server_that_sends_the_same_page_again_is_left_with_a_warning()
    {
        const string samePage = """{"from":0,"total":100,"sessions":[{"id":"x1","state":"idle"},{"id":"x2","state":"idle"}]}""";
        await _emulator.AddFaultAsync(new { method = "GET", path = "/v2.0/*/sessions", count = 3, status = 200, body = samePage, contentType = "application/json" });
        var log = new RecordingLog();

        var ids = await IdsAsync(new ListingOptions<SparkSession> { PageSize = 2 }, log);

        Assert.Equal(["x1", "x2"], ids);
        Assert.Equal(2, (await QueriesAsync()).Length);
        Assert.Equal("The service sent the same page again for offset 2; the list stops after 2 sessions.", Assert.Single(log.Warnings));
    }

    [Fact]
    public async Task A_total_smaller_than_what_was_read_ends_the_list()
    {
        const string page = """{"from":0,"total":2,"sessions":[{"id":"x1","state":"idle"},{"id":"x2","state":"idle"}]}""";
        await _emulator.AddFaultAsync(new { method = "GET", path = "/v2.0/*/sessions", status = 200, body = page, contentType = "application/json" });

        Assert.Equal(["x1", "x2"], await IdsAsync(new ListingOptions<SparkSession> { PageSize = 2 }));
        Assert.Single(await QueriesAsync());
    }

    [Fact]
    public async Task A_log_is_read_page_by_page_from_a_line_asking_for_no_more_than_is_wanted()
    {
        var client = _emulator.Client();
        var all = (await client.GetSessionLogAsync(_ids[0], 0, 1000, default)).Items;
        Assert.True(all.Count >= 3, $"the emulator's log has {all.Count} lines");
        await _emulator.ClearJournalAsync();

        var lines = new List<string>();
        await foreach (var line in client.SessionLog(_ids[0]).Read(new ListingOptions<string> { Skip = 1, First = 2, PageSize = 1 })) lines.Add(line);

        Assert.Equal(all.Skip(1).Take(2), lines);
        Assert.Equal(["?from=1&size=1", "?from=2&size=1"], await QueriesAsync("/log"));
    }
}
