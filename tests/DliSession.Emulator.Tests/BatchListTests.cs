using Microsoft.Extensions.Time.Testing;

namespace DliSession.Emulator.Tests;

/// <summary>The list's filters, sort orders and paging (dli-batch-api §5.1) over jobs made a second apart on a fake
/// clock: alpha (queue qa, runs 10 s, succeeds), beta (cluster_name qb, cancelled while starting), gamma (queue qa,
/// still running), delta (queue qb, still starting).</summary>
public sealed class BatchListTests : IAsyncLifetime
{
    private const string Batches = TestEmulator.BatchesPath;
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(T0);
    private readonly Dictionary<string, string> _ids = [];
    private TestEmulator _emulator = null!;

    private static long Ms(int secondsAfterT0) => T0.AddSeconds(secondsAfterT0).ToUnixTimeMilliseconds();

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync(_clock, "--batch-start-ms", "1000", "--batch-run-ms", "10000");
        await AddAsync("alpha", "\"queue\":\"qa\"");                      // t=0: runs 1..11 s, success
        _clock.Advance(TimeSpan.FromSeconds(1));
        await AddAsync("beta", "\"cluster_name\":\"qb\"");                // t=1: cancelled at once, dead
        await _emulator.JsonAsync(HttpMethod.Delete, $"{Batches}/{_ids["beta"]}");
        _clock.Advance(TimeSpan.FromSeconds(9));
        await AddAsync("gamma", "\"queue\":\"qa\"");                      // t=10: running from 11 s
        _clock.Advance(TimeSpan.FromSeconds(5));
        await AddAsync("delta", "\"queue\":\"qb\"");                      // t=15: starting until 16 s
        // Now t=15.5: alpha success (ran 10 s), beta dead (never ran), gamma running 4.5 s, delta starting.
        _clock.Advance(TimeSpan.FromMilliseconds(500));
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task AddAsync(string name, string target) =>
        _ids[name] = await _emulator.CreateBatchAsync($$"""{"file":"obs://b/app.jar","className":"c.Main",{{target}},"name":"{{name}}"}""");

    private async Task<(int Total, string[] Names)> ListAsync(string query)
    {
        var list = await _emulator.JsonAsync(HttpMethod.Get, Batches + query);
        return (list.GetProperty("total").GetInt32(),
            [.. list.GetProperty("sessions").EnumerateArray().Select(j => j.GetProperty("name").GetString()!)]);
    }

    [Theory]
    [InlineData("", new[] { "alpha", "beta", "gamma", "delta" })]
    [InlineData("?job_name=gamma", new[] { "gamma" })]
    [InlineData("?job_name=gam", new string[0])]
    [InlineData("?queue_name=qa", new[] { "alpha", "gamma" })]
    [InlineData("?cluster_name=qb", new[] { "beta", "delta" })]
    [InlineData("?queue_name=qa&cluster_name=qb", new string[0])]
    [InlineData("?state=success", new[] { "alpha" })]
    [InlineData("?state=dead", new[] { "beta" })]
    [InlineData("?state=running", new[] { "gamma" })]
    [InlineData("?state=starting", new[] { "delta" })]
    [InlineData("?state=recovering", new string[0])]
    [InlineData("?owner=emulator", new[] { "alpha", "beta", "gamma", "delta" })]
    [InlineData("?owner=someone", new string[0])]
    [InlineData("?state=dead&queue_name=qa", new string[0])]
    public async Task Each_filter_keeps_only_the_matching_jobs_and_total_counts_them(string query, string[] expected)
    {
        var (total, names) = await ListAsync(query);
        Assert.Equal(expected, names);
        Assert.Equal(expected.Length, total);
    }

    [Fact]
    public async Task The_job_id_filter_has_a_hyphen_and_matches_one_job()
    {
        var (total, names) = await ListAsync($"?job-id={_ids["gamma"]}");
        Assert.Equal(1, total);
        Assert.Equal(["gamma"], names);
        Assert.Equal(0, (await ListAsync("?job-id=0b0a9f6c-0000-4000-8000-000000000000")).Total);
    }

    [Theory]
    [InlineData(1, null, new[] { "beta", "gamma", "delta" })]
    [InlineData(null, 10, new[] { "alpha", "beta", "gamma" })]
    [InlineData(1, 10, new[] { "beta", "gamma" })]
    [InlineData(16, null, new string[0])]
    public async Task Start_and_end_keep_jobs_submitted_in_that_window_in_ms(int? startSeconds, int? endSeconds, string[] expected)
    {
        var query = "?size=10"
            + (startSeconds is { } s ? $"&start={Ms(s)}" : "")
            + (endSeconds is { } e ? $"&end={Ms(e)}" : "");
        Assert.Equal(expected, (await ListAsync(query)).Names);
    }

    [Theory]
    [InlineData("CREATE_TIME_ASC", new[] { "alpha", "beta", "gamma", "delta" })]
    [InlineData("CREATE_TIME_DESC", new[] { "delta", "gamma", "beta", "alpha" })]
    [InlineData("DURATION_DESC", new[] { "alpha", "gamma", "beta", "delta" })]
    [InlineData("DURATION_ASC", new[] { "beta", "delta", "gamma", "alpha" })]
    public async Task Order_sorts_by_submission_or_run_time(string order, string[] expected) =>
        Assert.Equal(expected, (await ListAsync($"?order={order}")).Names);

    [Fact]
    public async Task From_and_size_page_after_filtering_and_sorting_and_total_counts_every_match()
    {
        var list = await _emulator.JsonAsync(HttpMethod.Get, Batches + "?order=CREATE_TIME_DESC&from=1&size=2");
        Assert.Equal(1, list.GetProperty("from").GetInt32());
        Assert.Equal(4, list.GetProperty("total").GetInt32());
        Assert.Equal(["gamma", "beta"], list.GetProperty("sessions").EnumerateArray().Select(j => j.GetProperty("name").GetString()));

        var (qaTotal, qaPage) = await ListAsync("?queue_name=qa&from=1&size=5");
        Assert.Equal(2, qaTotal);
        Assert.Equal(["gamma"], qaPage);
        foreach (var emptyPage in (string[])["?from=4", "?size=0"])
        {
            var (total, names) = await ListAsync(emptyPage);
            Assert.Equal(4, total);
            Assert.Empty(names);
        }
        Assert.Equal(["gamma", "delta"], (await ListAsync("?from=2")).Names);
    }

    [Fact]
    public async Task Durations_in_the_list_are_the_run_times_so_far()
    {
        var list = await _emulator.JsonAsync(HttpMethod.Get, Batches);
        var durations = list.GetProperty("sessions").EnumerateArray()
            .ToDictionary(j => j.GetProperty("name").GetString()!, j => j.GetProperty("duration").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["alpha"] = 10000, ["beta"] = 0, ["gamma"] = 4500, ["delta"] = 0 }, durations);
    }
}
