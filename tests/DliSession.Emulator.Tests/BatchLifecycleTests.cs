using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace DliSession.Emulator.Tests;

/// <summary>A job's life on a fake clock: starting → running → success on its own, failing through the control API
/// (dead, or recovering and running again under auto_recovery), cancel, forced states and log lines.</summary>
public sealed class BatchLifecycleTests : IAsyncLifetime
{
    private const string Batches = TestEmulator.BatchesPath;
    private static readonly TimeSpan StartTime = TimeSpan.FromSeconds(2), RunTime = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await TestEmulator.StartAsync(_clock, "--batch-start-ms", "2000", "--batch-run-ms", "10000");

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static string Recovering(int maxRetryTimes) =>
        $$"""{"file":"obs://bucket/app.jar","className":"com.example.Main","queue":"q1","auto_recovery":true,"max_retry_times":{{maxRetryTimes}}}""";

    private Task<JsonElement> JobAsync(string id) => _emulator.JsonAsync(HttpMethod.Get, $"{Batches}/{id}");

    private async Task<string[]> LogAsync(string id, string query = "") =>
        [.. (await _emulator.JsonAsync(HttpMethod.Get, $"{Batches}/{id}/log{query}")).GetProperty("log").EnumerateArray().Select(l => l.GetString()!)];

    private Task<JsonElement> FailAsync(string id, string? body = null) =>
        _emulator.ControlAsync(HttpMethod.Post, $"/_emulator/batches/{id}/fail", body);

    private async Task RunningAsync(string id)
    {
        _clock.Advance(StartTime);
        Assert.Equal("running", await _emulator.BatchStateAsync(id));
    }

    [Fact]
    public async Task A_job_starts_runs_and_succeeds_on_its_own_after_the_configured_times()
    {
        var id = await _emulator.CreateBatchAsync();
        var created = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        _clock.Advance(StartTime - TimeSpan.FromMilliseconds(1));
        Assert.Equal("starting", await _emulator.BatchStateAsync(id));
        Assert.Equal("", (await JobAsync(id)).GetProperty("appId").GetString());

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var running = (await _emulator.JsonAsync(HttpMethod.Get, Batches)).GetProperty("sessions")[0];
        Assert.Equal("running", running.GetProperty("state").GetString());
        Assert.Matches(@"^application_\d+_\d{4}$", running.GetProperty("appId").GetString());
        Assert.Equal(created + 2000, running.GetProperty("update_time").GetInt64());
        Assert.Equal(0, running.GetProperty("duration").GetInt64());

        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(4000, (await _emulator.JsonAsync(HttpMethod.Get, Batches)).GetProperty("sessions")[0].GetProperty("duration").GetInt64());

        _clock.Advance(RunTime - TimeSpan.FromSeconds(4));
        Assert.Equal("success", await _emulator.BatchStateAsync(id));
        _clock.Advance(TimeSpan.FromHours(1));
        var done = (await _emulator.JsonAsync(HttpMethod.Get, Batches)).GetProperty("sessions")[0];
        Assert.Equal("success", done.GetProperty("state").GetString());
        Assert.Equal(10000, done.GetProperty("duration").GetInt64());
        Assert.Equal(created + 12000, done.GetProperty("update_time").GetInt64());
        var log = await LogAsync(id);
        Assert.Equal(3, log.Length);
        Assert.Contains("submitted to queue q1", log[0]);
        Assert.Contains("is running", log[1]);
        Assert.Contains("SUCCEEDED", log[2]);
        Assert.StartsWith("2026-11-29T10:00:12.000Z INFO ", log[2]);
    }

    [Fact]
    public async Task A_failed_job_without_auto_recovery_is_dead_with_log_lines_that_explain()
    {
        var id = await _emulator.CreateBatchAsync();
        await RunningAsync(id);
        var answer = await FailAsync(id, """{"reason":"java.lang.OutOfMemoryError: Java heap space","lines":["at com.example.Main.main(Main.java:42)"]}""");
        Assert.Equal("dead", answer.GetProperty("state").GetString());
        Assert.Equal("dead", await _emulator.BatchStateAsync(id));

        var log = await LogAsync(id);
        Assert.Equal("at com.example.Main.main(Main.java:42)", log[^3]);
        Assert.Contains("ERROR Spark application", log[^2]);
        Assert.Contains("failed: java.lang.OutOfMemoryError: Java heap space", log[^2]);
        Assert.Contains("is dead: auto_recovery is off", log[^1]);
        Assert.Equal(log[^3..], (await JobAsync(id)).GetProperty("log").EnumerateArray().Select(l => l.GetString()).TakeLast(3));

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("dead", await _emulator.BatchStateAsync(id));
    }

    [Fact]
    public async Task Failing_without_a_body_uses_a_stock_reason_and_failing_an_ended_job_is_a_conflict()
    {
        var id = await _emulator.CreateBatchAsync();
        await FailAsync(id);
        Assert.Contains("the emulator's control API made the driver fail", (await LogAsync(id))[^2]);

        using var again = await _emulator.Client.PostAsync($"/_emulator/batches/{id}/fail", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already ended (dead)", await again.Content.ReadAsStringAsync());
        using var broken = await _emulator.Client.PostAsync($"/_emulator/batches/{id}/fail", new StringContent("[1]"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [Fact]
    public async Task Auto_recovery_retries_up_to_max_retry_times_then_the_job_is_dead()
    {
        var id = await _emulator.CreateBatchAsync(Recovering(2));
        await RunningAsync(id);
        for (var retry = 1; retry <= 2; retry++)
        {
            Assert.Equal("recovering", (await FailAsync(id, $$"""{"reason":"lost executor {{retry}}"}""")).GetProperty("state").GetString());
            _clock.Advance(StartTime - TimeSpan.FromMilliseconds(1));
            Assert.Equal("recovering", await _emulator.BatchStateAsync(id));
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal("running", await _emulator.BatchStateAsync(id));
            Assert.Contains($"(retry {retry} of at most 2)", (await LogAsync(id, $"?index={retry}"))[0]);
        }
        var last = await FailAsync(id, """{"reason":"lost executor 3"}""");
        Assert.Equal("dead", last.GetProperty("state").GetString());
        Assert.Contains("all 2 retries of auto_recovery are used", (await LogAsync(id))[^1]);

        // Each driver's log holds its own run: index 0 the first, then one per retry.
        var first = await LogAsync(id, "?type=driver");
        Assert.Equal(first, await LogAsync(id, "?type=driver&index=0"));
        Assert.Contains(first, l => l.Contains("submitted to queue"));
        Assert.Contains(first, l => l.Contains("failed: lost executor 1"));
        var second = await LogAsync(id, "?index=1");
        Assert.Contains(second, l => l.Contains("driver 1 is running"));
        Assert.Contains(second, l => l.Contains("failed: lost executor 2"));
        Assert.DoesNotContain(second, l => l.Contains("lost executor 1"));
        var third = await LogAsync(id, "?index=2");
        Assert.Contains(third, l => l.Contains("failed: lost executor 3"));
        Assert.Equal(first.Length + second.Length + third.Length, (await LogAsync(id)).Length);
    }

    [Fact]
    public async Task A_recovered_job_runs_to_success_and_counts_its_run_time_from_the_first_run()
    {
        var id = await _emulator.CreateBatchAsync(Recovering(5));
        await RunningAsync(id);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await FailAsync(id);
        _clock.Advance(StartTime + RunTime);
        var job = (await _emulator.JsonAsync(HttpMethod.Get, Batches)).GetProperty("sessions")[0];
        Assert.Equal("success", job.GetProperty("state").GetString());
        Assert.Equal(1000 + 2000 + 10000, job.GetProperty("duration").GetInt64());
    }

    [Fact]
    public async Task With_max_retry_times_0_auto_recovery_does_not_retry()
    {
        var id = await _emulator.CreateBatchAsync(Recovering(0));
        Assert.Equal("dead", (await FailAsync(id)).GetProperty("state").GetString());
        Assert.Contains("all 0 retries", (await LogAsync(id))[^1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Cancel_makes_a_starting_or_running_job_dead(int secondsIn)
    {
        var id = await _emulator.CreateBatchAsync();
        _clock.Advance(TimeSpan.FromSeconds(secondsIn));
        var (status, text) = await _emulator.CallAsync(HttpMethod.Delete, $"{Batches}/{id}");
        Assert.Equal((200, """{"msg":"deleted"}"""), (status, text));
        Assert.Equal("dead", await _emulator.BatchStateAsync(id));
        Assert.Contains("was cancelled", (await LogAsync(id))[^1]);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("dead", await _emulator.BatchStateAsync(id));
    }

    [Fact]
    public async Task Cancel_makes_a_recovering_job_dead()
    {
        var id = await _emulator.CreateBatchAsync(Recovering(3));
        await FailAsync(id);
        await _emulator.JsonAsync(HttpMethod.Delete, $"{Batches}/{id}");
        _clock.Advance(StartTime);
        Assert.Equal("dead", await _emulator.BatchStateAsync(id));
    }

    [Theory]
    [InlineData("success")]
    [InlineData("dead")]
    public async Task Cancelling_an_ended_job_is_DLI_0007_and_changes_nothing(string endState)
    {
        var id = await _emulator.CreateBatchAsync();
        if (endState == "dead") await _emulator.JsonAsync(HttpMethod.Delete, $"{Batches}/{id}");
        else _clock.Advance(StartTime + RunTime);
        var error = await _emulator.JsonAsync(HttpMethod.Delete, $"{Batches}/{id}", expectedStatus: 400);
        Assert.Equal("DLI.0007", error.GetProperty("error_code").GetString());
        Assert.Contains($"already ended ({endState})", error.GetProperty("error_msg").GetString());
        Assert.Equal(endState, await _emulator.BatchStateAsync(id));
    }

    [Fact]
    public async Task A_forced_state_holds_until_the_next_change()
    {
        var id = await _emulator.CreateBatchAsync();
        var forced = await _emulator.ControlAsync(HttpMethod.Post, $"/_emulator/batches/{id}/state", """{"state":"Running"}""");
        Assert.Equal("running", forced.GetProperty("state").GetString());
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal("running", await _emulator.BatchStateAsync(id));
        Assert.Contains("forced to running", (await LogAsync(id))[^1]);

        await _emulator.ControlAsync(HttpMethod.Post, $"/_emulator/batches/{id}/state", """{"state":"success"}""");
        Assert.Equal("success", await _emulator.BatchStateAsync(id));
        await _emulator.ControlAsync(HttpMethod.Post, $"/_emulator/batches/{id}/state", """{"state":"recovering"}""");
        Assert.Equal("recovering", await _emulator.BatchStateAsync(id));
    }

    [Theory]
    [InlineData("""{"state":"killed"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{}""", HttpStatusCode.BadRequest)]
    [InlineData("""nope""", HttpStatusCode.BadRequest)]
    public async Task Forcing_an_unknown_state_is_refused(string body, HttpStatusCode expected)
    {
        var id = await _emulator.CreateBatchAsync();
        using var response = await _emulator.Client.PostAsync($"/_emulator/batches/{id}/state", new StringContent(body));
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("state must be one of starting, running, dead, success, recovering", await response.Content.ReadAsStringAsync());
        Assert.Equal("starting", await _emulator.BatchStateAsync(id));
    }

    [Theory]
    [InlineData("fail", "{}")]
    [InlineData("state", """{"state":"dead"}""")]
    [InlineData("log", """{"count":1}""")]
    public async Task The_control_api_says_DLI_0002_for_an_unknown_job(string action, string body)
    {
        using var response = await _emulator.Client.PostAsync($"/_emulator/batches/no-such-job/{action}", new StringContent(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("DLI.0002", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Appended_lines_go_to_the_running_drivers_log_and_the_job_object_shows_the_last_ten()
    {
        var id = await _emulator.CreateBatchAsync(Recovering(1));
        await _emulator.ControlAsync(HttpMethod.Post, $"/_emulator/batches/{id}/log", """{"lines":["first driver line"]}""");
        await FailAsync(id);
        await _emulator.ControlAsync(HttpMethod.Post, $"/_emulator/batches/{id}/log", """{"count":12}""");

        Assert.Contains("first driver line", await LogAsync(id, "?index=0"));
        var retry = await LogAsync(id, "?index=1");
        Assert.DoesNotContain("first driver line", retry);
        Assert.EndsWith("emulated log line 12 of 12", retry[^1]);
        var tail = (await JobAsync(id)).GetProperty("log").EnumerateArray().Select(l => l.GetString()!).ToArray();
        Assert.Equal(10, tail.Length);
        Assert.EndsWith("emulated log line 3 of 12", tail[0]);

        using var refused = await _emulator.Client.PostAsync($"/_emulator/batches/{id}/log", new StringContent("""{"count":0}"""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_log_pages_with_from_and_size_and_shows_the_last_lines_by_default()
    {
        var id = await _emulator.CreateBatchAsync();
        await _emulator.ControlAsync(HttpMethod.Post, $"/_emulator/batches/{id}/log", """{"count":149}""");

        var last = await _emulator.JsonAsync(HttpMethod.Get, $"{Batches}/{id}/log");
        Assert.Equal(150, last.GetProperty("total").GetInt32());
        Assert.Equal(50, last.GetProperty("from").GetInt32());
        Assert.Equal(100, last.GetProperty("log").GetArrayLength());

        var tail = await _emulator.JsonAsync(HttpMethod.Get, $"{Batches}/{id}/log?size=20");
        Assert.Equal(130, tail.GetProperty("from").GetInt32());
        Assert.EndsWith("emulated log line 149 of 149", tail.GetProperty("log")[19].GetString());

        var page = await _emulator.JsonAsync(HttpMethod.Get, $"{Batches}/{id}/log?from=0&size=2");
        Assert.Equal(0, page.GetProperty("from").GetInt32());
        Assert.Contains("submitted to queue", page.GetProperty("log")[0].GetString());
        Assert.EndsWith("emulated log line 1 of 149", page.GetProperty("log")[1].GetString());

        var beyond = await _emulator.JsonAsync(HttpMethod.Get, $"{Batches}/{id}/log?from=500");
        Assert.Equal(150, beyond.GetProperty("from").GetInt32());
        Assert.Equal(0, beyond.GetProperty("log").GetArrayLength());
    }

    [Theory]
    [InlineData("fail")]
    [InlineData("state")]
    [InlineData("log")]
    public async Task The_batch_control_api_answers_loopback_clients_only(string action)
    {
        var id = await _emulator.CreateBatchAsync();
        var context = await _emulator.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = $"/_emulator/batches/{id}/{action}";
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
        });
        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.Equal("starting", await _emulator.BatchStateAsync(id));
    }

    [Fact]
    public async Task Reset_removes_every_job()
    {
        await _emulator.CreateBatchAsync();
        await _emulator.ControlAsync(HttpMethod.Post, "/_emulator/reset");
        Assert.Equal(0, (await _emulator.JsonAsync(HttpMethod.Get, Batches)).GetProperty("total").GetInt32());
    }
}
