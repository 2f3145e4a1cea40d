using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using DliSession.Emulator.Control;

namespace DliSession.Emulator.Tests;

public sealed class ControlApiTests
{
    private const string Sessions = TestEmulator.SessionsPath;

    private static async Task<JsonElement[]> JournalAsync(TestEmulator emulator, long since = 0) =>
        [.. (await emulator.ControlAsync(HttpMethod.Get, $"/_emulator/journal?since={since}")).GetProperty("entries").EnumerateArray()];

    [Fact]
    public async Task The_journal_records_requests_with_secrets_redacted_and_control_calls_left_out()
    {
        await using var emulator = await TestEmulator.StartAsync("--aksk", "TEMPAK:temp-secret:sts-token");
        await emulator.CallAsync(HttpMethod.Get, Sessions + "?from=0&size=2");
        var body = """{"kind":"spark","queue":"q1"}""";
        using (var signed = await emulator.Client.SendAsync(RequestSigner.Signed(HttpMethod.Post, Sessions, body,
            accessKey: "TEMPAK", secretKey: "temp-secret", securityToken: "sts-token")))
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        await emulator.ControlAsync(HttpMethod.Get, "/_emulator/stats");

        var entries = await JournalAsync(emulator);
        Assert.Equal(2, entries.Length);
        var get = entries[0];
        Assert.Equal(
            ["seq", "time", "method", "path", "query", "headers", "body", "status", "connectionId"],
            get.EnumerateObject().Select(p => p.Name));
        Assert.Equal("GET", get.GetProperty("method").GetString());
        Assert.Equal(Sessions, get.GetProperty("path").GetString());
        Assert.Equal("?from=0&size=2", get.GetProperty("query").GetString());
        Assert.Equal("***", get.GetProperty("headers").GetProperty("X-Auth-Token").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", get.GetProperty("time").GetString());

        var post = entries[1];
        Assert.Equal(body, post.GetProperty("body").GetString());
        Assert.Equal(200, post.GetProperty("status").GetInt32());
        var headers = post.GetProperty("headers");
        Assert.Equal("***", headers.GetProperty("X-Security-Token").GetString());
        Assert.Matches("^SDK-HMAC-SHA256 Access=TEMPAK, SignedHeaders=host;x-sdk-date;x-security-token, Signature=\\*\\*\\*$",
            headers.GetProperty("Authorization").GetString());
        Assert.DoesNotContain("sts-token", post.GetRawText());

        Assert.Single(await JournalAsync(emulator, get.GetProperty("seq").GetInt64()));
        await emulator.ControlAsync(HttpMethod.Delete, "/_emulator/journal");
        Assert.Empty(await JournalAsync(emulator));
    }

    [Theory]
    [InlineData("X-Auth-Token", "abc", "***")]
    [InlineData("Authorization", "Bearer abc", "***")]
    [InlineData("Authorization", "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=deadbeef", "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=***")]
    [InlineData("Content-Type", "application/json", "application/json")]
    public void Redaction_hides_exactly_the_secrets(string header, string value, string expected) =>
        Assert.Equal(expected, Journal.Redact(header, value));

    [Fact]
    public async Task A_fault_answers_the_next_count_matching_requests_then_is_used_up()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var fault = await emulator.ControlAsync(HttpMethod.Post, "/_emulator/faults",
            """{"method":"GET","path":"/v2.0/*/sessions","count":2,"status":503,"body":"<html>busy</html>","contentType":"text/html","headers":{"Retry-After":"2"}}""");
        Assert.Equal(1, fault.GetProperty("id").GetInt32());

        for (var i = 0; i < 2; i++)
        {
            using var response = await emulator.SendAsync(HttpMethod.Get, Sessions);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("<html>busy</html>", await response.Content.ReadAsStringAsync());
        }
        using (var post = await emulator.SendAsync(HttpMethod.Post, Sessions, """{"kind":"spark","queue":"q"}"""))
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        using (var third = await emulator.SendAsync(HttpMethod.Get, Sessions))
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal([503, 503, 200, 200], (await JournalAsync(emulator)).Select(e => e.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task A_fault_applies_before_authentication_and_a_double_star_spans_segments()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.ControlAsync(HttpMethod.Post, "/_emulator/faults", """{"path":"/v2.0/**","status":429,"bodyBytes":100000}""");
        using var response = await emulator.Client.SendAsync(TestEmulator.Request(HttpMethod.Get, $"{Sessions}/x/statements/0", withToken: false));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(100000, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_delayed_fault_waits_before_answering()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.ControlAsync(HttpMethod.Post, "/_emulator/faults", """{"method":"*","path":"/v2.0/*/sessions","status":200,"body":"{}","delayMs":300}""");
        var watch = Stopwatch.StartNew();
        using var response = await emulator.SendAsync(HttpMethod.Get, Sessions);
        Assert.True(watch.ElapsedMilliseconds >= 280, $"answered after {watch.ElapsedMilliseconds} ms");
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_abort_fault_drops_the_connection_and_is_journaled_as_status_0()
    {
        await using var emulator = await TestEmulator.StartKestrelAsync();
        await emulator.ControlAsync(HttpMethod.Post, "/_emulator/faults", """{"path":"/v2.0/*/sessions","abort":true}""");
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.SendAsync(HttpMethod.Get, Sessions));
        var entry = Assert.Single(await JournalAsync(emulator));
        Assert.Equal(0, entry.GetProperty("status").GetInt32());
        Assert.NotEqual("in-process", entry.GetProperty("connectionId").GetString());
    }

    [Fact]
    public async Task A_fault_with_a_probability_hits_about_that_share_of_requests_and_a_miss_costs_no_use()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.ControlAsync(HttpMethod.Post, "/_emulator/faults", """{"method":"GET","path":"/v2.0/*/sessions","status":503,"count":1000,"probability":0.25}""");
        for (var i = 0; i < 400; i++) (await emulator.SendAsync(HttpMethod.Get, Sessions)).Dispose();

        var failed = (await JournalAsync(emulator)).Count(e => e.GetProperty("status").GetInt32() == 503);
        // 100 expected, standard deviation 8.7: the bounds are almost 6 deviations away, so the test is not flaky.
        Assert.InRange(failed, 50, 150);

        foreach (var bad in new[] { "0", "1.5", "-0.1" })
        {
            using var refused = await emulator.Client.PostAsync("/_emulator/faults",
                new StringContent($$"""{"path":"/v2.0/**","status":503,"probability":{{bad}}}"""));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("probability", await refused.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Clearing_faults_restores_real_answers_and_bad_faults_are_refused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.ControlAsync(HttpMethod.Post, "/_emulator/faults", """{"path":"/v2.0/**","status":500,"count":5}""");
        await emulator.ControlAsync(HttpMethod.Delete, "/_emulator/faults");
        using (var response = await emulator.SendAsync(HttpMethod.Get, Sessions))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var bad = await emulator.Client.PostAsync("/_emulator/faults", new StringContent("""{"path":"/v2.0/**"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("status", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stats_count_requests_connections_sessions_and_handler_time()
    {
        await using var emulator = await TestEmulator.StartKestrelAsync();
        await emulator.CreateSessionAsync();
        await emulator.JsonAsync(HttpMethod.Get, Sessions);
        var stats = await emulator.ControlAsync(HttpMethod.Get, "/_emulator/stats");
        Assert.Equal(["requests", "connections", "sessions", "serverMicroseconds"], stats.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, stats.GetProperty("requests").GetInt64());
        Assert.Equal(1, stats.GetProperty("connections").GetInt32());
        Assert.Equal(1, stats.GetProperty("sessions").GetInt32());
        Assert.True(stats.GetProperty("serverMicroseconds").GetInt64() > 0);
    }

    [Fact]
    public async Task Reset_clears_sessions_journal_and_faults()
    {
        await using var emulator = await TestEmulator.StartAsync("--sessions", "3");
        await emulator.ControlAsync(HttpMethod.Post, "/_emulator/faults", """{"path":"/nothing","status":500}""");
        await emulator.JsonAsync(HttpMethod.Get, Sessions);
        await emulator.ControlAsync(HttpMethod.Post, "/_emulator/reset");
        Assert.Empty(await JournalAsync(emulator));
        Assert.Equal(0, (await emulator.JsonAsync(HttpMethod.Get, Sessions)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Forcing_an_unknown_state_is_refused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await emulator.CreateSessionAsync();
        using var response = await emulator.Client.PostAsync($"/_emulator/sessions/{id}/state", new StringContent("""{"state":"asleep"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Shutdown_stops_the_host_after_answering()
    {
        var emulator = await TestEmulator.StartKestrelAsync();
        await using (emulator)
        {
            var stopping = emulator.App.Lifetime.ApplicationStopping;
            await emulator.ControlAsync(HttpMethod.Post, "/_emulator/shutdown");
            await TestEmulator.WaitUntilAsync(() => Task.FromResult(stopping.IsCancellationRequested), "shutdown");
        }
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("::ffff:192.168.1.2", false)]
    [InlineData("fe80::1", false)]
    public void The_control_api_admits_only_loopback_peers(string address, bool allowed) =>
        Assert.Equal(allowed, LoopbackOnly.IsAllowed(IPAddress.Parse(address)));

    [Fact]
    public void An_in_process_host_without_a_peer_address_counts_as_local() => Assert.True(LoopbackOnly.IsAllowed(null));
}
