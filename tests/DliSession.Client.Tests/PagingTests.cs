using DliSession.Client.Models;
using DliSession.Client.Tests.Support;

namespace DliSession.Client.Tests;

/// <summary>The session list page by page against the emulator: where it starts, where it stops, and that a looping server cannot keep it going.</summary>
public sealed class PagingTests : IAsyncLifetime
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

    private async Task<List<SessionListPage>> PagesAsync(int start, int pageSize, RecordingLog? log = null)
    {
        var pages = new List<SessionListPage>();
        await foreach (var page in _emulator.Client(log: log).ListSessionPagesAsync(SessionListQuery.All, start, pageSize, default))
            pages.Add(page);
        return pages;
    }

    private async Task<string[]> QueriesAsync() => [.. (await _emulator.JournalAsync()).Select(e => (string)e!["query"]!)];

    [Fact]
    public async Task Pages_stream_in_order_and_stop_at_the_total_without_asking_for_an_empty_page()
    {
        var pages = await PagesAsync(0, 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Sessions.Count));
        Assert.Equal(_ids, pages.SelectMany(p => p.Sessions).Select(s => s.Id));
        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal(["?from=0&size=2", "?from=2&size=2", "?from=4&size=2"], await QueriesAsync());
    }

    [Fact]
    public async Task The_start_offset_is_sent_and_the_pages_begin_there()
    {
        var pages = await PagesAsync(3, 10);

        Assert.Equal(_ids[3..], pages.SelectMany(p => p.Sessions).Select(s => s.Id));
        Assert.Equal(["?from=3&size=10"], await QueriesAsync());
    }

    [Fact]
    public async Task A_server_that_sends_the_same_page_again_is_left_with_a_warning()
    {
        const string samePage = """{"from":0,"total":100,"sessions":[{"id":"x1","state":"idle"},{"id":"x2","state":"idle"}]}""";
        await _emulator.AddFaultAsync(new { method = "GET", path = "/v2.0/*/sessions", count = 3, status = 200, body = samePage, contentType = "application/json" });
        var log = new RecordingLog();

        var pages = await PagesAsync(0, 2, log);

        Assert.Equal(["x1", "x2"], pages.SelectMany(p => p.Sessions).Select(s => s.Id));
        Assert.Equal(2, (await QueriesAsync()).Length);
        Assert.Equal("The service sent the same page again for offset 2; the list stops after 2 sessions.", Assert.Single(log.Warnings));
    }

    [Fact]
    public async Task A_total_smaller_than_what_was_read_ends_the_list()
    {
        const string page = """{"from":0,"total":2,"sessions":[{"id":"x1","state":"idle"},{"id":"x2","state":"idle"}]}""";
        await _emulator.AddFaultAsync(new { method = "GET", path = "/v2.0/*/sessions", status = 200, body = page, contentType = "application/json" });

        var pages = await PagesAsync(0, 2);

        Assert.Single(pages);
        Assert.Single(await QueriesAsync());
    }
}
