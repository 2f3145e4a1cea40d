using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace DliSession.Emulator.Tests;

/// <summary>The six batch endpoints answer in the shapes and JSON types of dli-batch-api §6, behind the same
/// authentication as the session API.</summary>
public sealed class BatchEndpointTests
{
    private const string Batches = TestEmulator.BatchesPath;

    /// <summary>§6.1, in the table's order: the fields every form has, then the form's own ones.</summary>
    private static readonly string[] CommonFields =
        ["id", "state", "appId", "log", "sc_type", "cluster_name", "create_time", "name", "owner", "proxyUser", "kind", "queue", "image", "update_time"];

    private static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static IEnumerable<string> Names(JsonElement json) => json.EnumerateObject().Select(p => p.Name);

    [Fact]
    public async Task Create_answers_the_create_form_with_documented_types()
    {
        await using var emulator = await TestEmulator.StartAsync(new FakeTimeProvider(Start));
        var job = await emulator.JsonAsync(HttpMethod.Post, Batches,
            """{"file":"obs://bucket/app.jar","className":"com.example.Main","queue":"q1","name":"nightly","sc_type":"B"}""");

        Assert.Equal([.. CommonFields, "duration"], Names(job));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", job.GetProperty("id").GetString());
        Assert.Equal("starting", job.GetProperty("state").GetString());
        Assert.Equal("", job.GetProperty("appId").GetString());
        Assert.Equal("B", job.GetProperty("sc_type").GetString());
        Assert.Equal("q1", job.GetProperty("cluster_name").GetString());
        Assert.Equal("q1", job.GetProperty("queue").GetString());
        Assert.Equal(Start.ToUnixTimeMilliseconds(), job.GetProperty("create_time").GetInt64());
        Assert.Equal(Start.ToUnixTimeMilliseconds(), job.GetProperty("update_time").GetInt64());
        Assert.Equal("nightly", job.GetProperty("name").GetString());
        Assert.Equal("emulator", job.GetProperty("owner").GetString());
        Assert.Equal("emulator", job.GetProperty("proxyUser").GetString());
        Assert.Equal("spark", job.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("image").ValueKind);
        Assert.Equal(0, job.GetProperty("duration").GetInt64());
        var log = Assert.Single(job.GetProperty("log").EnumerateArray());
        Assert.Contains("submitted to queue q1", log.GetString());
    }

    [Fact]
    public async Task Get_answers_the_detail_form_with_the_create_request_as_a_json_string()
    {
        await using var emulator = await TestEmulator.StartAsync();
        const string body = """
            {"file": "obs://bucket/app.jar", "className": "com.example.Main", "cluster_name": "legacy",
             "driverMemory": "2G", "numExecutors": 3, "auto_recovery": true, "feature": "custom", "image": "org/img:1",
             "spark_version": "3.3.1", "conf": {"spark.a": "it's"}}
            """;
        var id = await emulator.CreateBatchAsync(body);
        var job = await emulator.JsonAsync(HttpMethod.Get, $"{Batches}/{id}");

        Assert.Equal([.. CommonFields, "req_body", "feature", "spark_version"], Names(job));
        Assert.Equal("legacy", job.GetProperty("cluster_name").GetString());
        Assert.Equal("legacy", job.GetProperty("queue").GetString());
        Assert.Equal("CUSTOMIZED", job.GetProperty("sc_type").GetString());
        Assert.Equal("org/img:1", job.GetProperty("image").GetString());
        Assert.Equal("custom", job.GetProperty("feature").GetString());
        Assert.Equal("3.3.1", job.GetProperty("spark_version").GetString());
        Assert.Equal(JsonValueKind.String, job.GetProperty("req_body").ValueKind);
        Assert.Equal(
            """{"file":"obs://bucket/app.jar","className":"com.example.Main","cluster_name":"legacy","driverMemory":"2G","numExecutors":3,"auto_recovery":true,"feature":"custom","image":"org/img:1","spark_version":"3.3.1","conf":{"spark.a":"it's"}}""",
            job.GetProperty("req_body").GetString());
    }

    [Fact]
    public async Task Defaults_are_feature_basic_and_spark_version_2_3_2()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var job = await emulator.JsonAsync(HttpMethod.Get, $"{Batches}/{await emulator.CreateBatchAsync()}");
        Assert.Equal("basic", job.GetProperty("feature").GetString());
        Assert.Equal("2.3.2", job.GetProperty("spark_version").GetString());
        Assert.Equal("A", job.GetProperty("sc_type").GetString());
    }

    [Fact]
    public async Task List_answers_from_total_sessions_and_create_time_with_list_items()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await TestEmulator.StartAsync(clock);
        var id = await emulator.CreateBatchAsync();
        clock.Advance(TimeSpan.FromSeconds(5));
        var list = await emulator.JsonAsync(HttpMethod.Get, Batches);

        Assert.Equal(["from", "total", "sessions", "create_time"], Names(list));
        Assert.Equal(0, list.GetProperty("from").GetInt32());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), list.GetProperty("create_time").GetInt64());
        var item = Assert.Single(list.GetProperty("sessions").EnumerateArray());
        Assert.Equal([.. CommonFields, "duration", "req_body"], Names(item));
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal(TestEmulator.MinimalBatch, item.GetProperty("req_body").GetString());
    }

    [Fact]
    public async Task State_log_and_cancel_answer_their_documented_bodies()
    {
        await using var emulator = await TestEmulator.StartAsync("--batch-start-ms", "60000");
        var id = await emulator.CreateBatchAsync();

        var state = await emulator.JsonAsync(HttpMethod.Get, $"{Batches}/{id}/state");
        Assert.Equal(["id", "state"], Names(state));
        Assert.Equal(id, state.GetProperty("id").GetString());
        Assert.Equal("starting", state.GetProperty("state").GetString());

        var log = await emulator.JsonAsync(HttpMethod.Get, $"{Batches}/{id}/log");
        Assert.Equal(["id", "from", "total", "log"], Names(log));
        Assert.Equal(JsonValueKind.Number, log.GetProperty("from").ValueKind);
        Assert.Equal(JsonValueKind.Number, log.GetProperty("total").ValueKind);
        Assert.Equal(1, log.GetProperty("total").GetInt32());

        var (status, text) = await emulator.CallAsync(HttpMethod.Delete, $"{Batches}/{id}");
        Assert.Equal(200, status);
        Assert.Equal("""{"msg":"deleted"}""", text);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/state")]
    [InlineData("GET", "/log")]
    [InlineData("DELETE", "")]
    public async Task An_unknown_job_is_DLI_0002(string method, string suffix)
    {
        await using var emulator = await TestEmulator.StartAsync();
        const string unknown = "0b0a9f6c-0000-4000-8000-000000000000";
        var json = await emulator.JsonAsync(new HttpMethod(method), $"{Batches}/{unknown}{suffix}", expectedStatus: 400);
        Assert.Equal("DLI.0002", json.GetProperty("error_code").GetString());
        Assert.Contains(unknown, json.GetProperty("error_msg").GetString());
    }

    [Theory]
    [InlineData("POST", "")]
    [InlineData("GET", "")]
    [InlineData("GET", "/{id}")]
    [InlineData("GET", "/{id}/state")]
    [InlineData("GET", "/{id}/log")]
    [InlineData("DELETE", "/{id}")]
    public async Task Every_endpoint_refuses_a_request_without_credentials_and_leaves_the_job_alone(string method, string suffix)
    {
        await using var emulator = await TestEmulator.StartAsync("--batch-start-ms", "60000");
        var id = await emulator.CreateBatchAsync();
        var path = Batches + suffix.Replace("{id}", id, StringComparison.Ordinal);
        using var request = TestEmulator.Request(new HttpMethod(method), path, method == "POST" ? TestEmulator.MinimalBatch : null, withToken: false);
        using var response = await emulator.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("DLI.0013", await response.Content.ReadAsStringAsync());
        Assert.Equal("starting", await emulator.BatchStateAsync(id));
        Assert.Equal(1, (await emulator.JsonAsync(HttpMethod.Get, Batches)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_signed_create_list_and_cancel_work_and_the_access_key_owns_the_job()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var created = await emulator.Client.SendAsync(RequestSigner.Signed(HttpMethod.Post, Batches, TestEmulator.MinimalBatch));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var job = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(RequestSigner.AccessKey, job.GetProperty("owner").GetString());
        var id = job.GetProperty("id").GetString();

        using var listed = await emulator.Client.SendAsync(RequestSigner.Signed(HttpMethod.Get, $"{Batches}?job-id={id}&owner={RequestSigner.AccessKey}", null));
        Assert.Equal(1, JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32());

        using var cancelled = await emulator.Client.SendAsync(RequestSigner.Signed(HttpMethod.Delete, $"{Batches}/{id}", null));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        using var tampered = RequestSigner.Signed(HttpMethod.Post, Batches, TestEmulator.MinimalBatch);
        tampered.Content = new StringContent(TestEmulator.MinimalBatch.Replace("q1", "q2", StringComparison.Ordinal));
        using var refused = await emulator.Client.SendAsync(tampered);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Another_projects_path_is_refused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (status, text) = await emulator.CallAsync(HttpMethod.Post, "/v2.0/other-project/batches", TestEmulator.MinimalBatch);
        Assert.Equal(401, status);
        Assert.Contains("DLI.0013", text);
    }

    [Fact]
    public async Task The_journal_keeps_the_create_body_as_sent_with_its_mixed_casing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        const string body = """{"file":"f","className":"c","queue":"q","driverMemory":"1G","max_retry_times":3,"pyFiles":["a.py"]}""";
        await emulator.CreateBatchAsync(body);
        var entry = Assert.Single((await emulator.ControlAsync(HttpMethod.Get, "/_emulator/journal")).GetProperty("entries").EnumerateArray());
        Assert.Equal(Batches, entry.GetProperty("path").GetString());
        Assert.Equal(body, entry.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Concurrent_creates_and_cancels_leave_a_consistent_list()
    {
        await using var emulator = await TestEmulator.StartAsync("--batch-start-ms", "60000");
        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => emulator.CreateBatchAsync()));
        Assert.Equal(40, ids.Distinct().Count());
        var cancels = ids.Where((_, i) => i % 2 == 0).Select(id => emulator.CallAsync(HttpMethod.Delete, $"{Batches}/{id}"));
        var lists = Enumerable.Range(0, 10).Select(_ => emulator.CallAsync(HttpMethod.Get, Batches + "?size=100"));
        var answers = await Task.WhenAll(cancels.Concat(lists));
        Assert.Equal(30, answers.Length);
        Assert.All(answers, a => Assert.Equal(200, a.Status));

        var all = await emulator.JsonAsync(HttpMethod.Get, Batches + "?size=100");
        Assert.Equal(40, all.GetProperty("total").GetInt32());
        Assert.Equal(ids.Order(), all.GetProperty("sessions").EnumerateArray().Select(j => j.GetProperty("id").GetString()!).Order());
        Assert.Equal(20, (await emulator.JsonAsync(HttpMethod.Get, Batches + "?state=dead")).GetProperty("total").GetInt32());
        Assert.Equal(20, (await emulator.JsonAsync(HttpMethod.Get, Batches + "?state=starting")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_hundred_thousand_pre_created_jobs_start_in_about_a_second_and_page_cheaply()
    {
        // A generous bound, as the machine running the tests is shared: the point is "seconds, not minutes". On an
        // idle machine the 100000 jobs add about 0.8 s of CPU time to the emulator's start.
        var watch = Stopwatch.StartNew();
        await using var emulator = await TestEmulator.StartAsync("--batches", "100000");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"started in {watch.Elapsed}");

        var last = await emulator.JsonAsync(HttpMethod.Get, Batches + "?from=99998&size=5");
        Assert.Equal(100000, last.GetProperty("total").GetInt32());
        Assert.Equal(99998, last.GetProperty("from").GetInt32());
        Assert.Equal(["job-099999", "job-100000"],
            last.GetProperty("sessions").EnumerateArray().Select(j => j.GetProperty("name").GetString()));

        var dead = await emulator.JsonAsync(HttpMethod.Get, Batches + "?state=dead&size=1&order=DURATION_DESC");
        Assert.Equal(10000, dead.GetProperty("total").GetInt32());
        // Every tenth job is dead; the longest of them ran 41 s (job-000040: (40 % 50 + 1) s).
        Assert.Equal(41000, dead.GetProperty("sessions")[0].GetProperty("duration").GetInt64());
        Assert.Equal("dead", dead.GetProperty("sessions")[0].GetProperty("state").GetString());
        Assert.Contains(dead.GetProperty("sessions")[0].GetProperty("log").EnumerateArray(), l => l.GetString()!.Contains("FAILED"));

        var named = await emulator.JsonAsync(HttpMethod.Get, Batches + "?job_name=job-050000&queue_name=emulator_queue");
        Assert.Equal(1, named.GetProperty("total").GetInt32());
    }
}
