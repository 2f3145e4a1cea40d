using System.Text.Json.Nodes;
using DliSession.Client.Errors;
using DliSession.Client.Models;
using DliSession.Client.Paging;
using DliSession.Client.Tests.Support;
using DliSession.Client.Waiting;

namespace DliSession.Client.Tests.SparkJobs;

/// <summary>The Spark job methods of the client against the emulator, over the real pipeline: what goes on the wire and what comes back.</summary>
public sealed class SparkJobClientTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;
    private DliClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync("--batch-start-ms", "100", "--batch-run-ms", "200");
        _client = _emulator.Client();
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static SubmitSparkJobRequest Minimal(string? name = null) =>
        new() { File = "obs://b/app.jar", ClassName = "com.example.Main", Queue = "q", Name = name };

    private async Task<JsonObject[]> RequestsAsync(string method) =>
        [.. (await _emulator.JournalAsync()).Select(e => e!.AsObject()).Where(e => (string)e["method"]! == method)];

    [Fact]
    public async Task Submit_sends_every_field_under_its_SDK_name_and_reads_the_new_job()
    {
        var request = new SubmitSparkJobRequest
        {
            File = "obs://b/app.jar", ClassName = "com.example.Main", Queue = "q", Args = ["a"], ScType = "A", Jars = ["j.jar"],
            PyFiles = ["p.py"], Files = ["f.csv"], Modules = ["sys.datasource.rds"],
            Resources = [new SessionResource { Name = "r.jar", Type = "jar" }],
            Groups = [new SessionResourceGroup { Name = "g", Resources = [new SessionResource { Name = "i.jar", Type = "jar" }] }],
            Conf = new() { ["spark.x"] = "1" }, Name = "all", DriverMemory = "1g", DriverCores = 1, ExecutorMemory = "2g", ExecutorCores = 1,
            NumExecutors = 2, Feature = "custom", SparkVersion = "3.3.1", AutoRecovery = true, MaxRetryTimes = 3, Image = "o/i:1",
            ExecutionAgencyUrn = "agency", ObsBucket = "b", CatalogName = "dli",
        };

        var job = await _client.SubmitSparkJobAsync(request, default);

        var body = JsonNode.Parse((string)(await RequestsAsync("POST")).Single()["body"]!)!.AsObject();
        Assert.Equal(
            ["file", "className", "args", "sc_type", "jars", "pyFiles", "files", "modules", "resources", "groups", "conf", "name",
             "driverMemory", "driverCores", "executorMemory", "executorCores", "numExecutors", "feature", "spark_version", "queue",
             "auto_recovery", "max_retry_times", "image", "execution_agency_urn", "obs_bucket", "catalog_name"],
            body.Select(p => p.Key));
        Assert.Equal(SparkJobStates.Starting, job.State);
        Assert.Equal("all", job.Name);
        Assert.Equal("q", job.Queue);
        Assert.Equal("CUSTOMIZED", job.ScType);
        Assert.NotNull(job.CreateTime);
        Assert.Same(_client.Context, job.Context);
    }

    [Fact]
    public async Task Get_reads_the_kept_create_request_and_the_state_URL_the_state()
    {
        var submitted = await _client.SubmitSparkJobAsync(Minimal("kept"), default);
        await _emulator.HoldSparkJobAsync(submitted.Id, "running");

        var job = await _client.GetSparkJobAsync(submitted.Id, default);
        var state = await _client.GetSparkJobStateAsync(submitted.Id, default);

        Assert.Equal("com.example.Main", job.RequestBody!["className"]);
        Assert.Equal("obs://b/app.jar", job.RequestBody["FILE"]);
        Assert.Equal(SparkJobStates.Running, state);
        Assert.Equal(SparkJobStates.Running, job.State);
    }

    [Fact]
    public async Task A_job_polled_with_the_one_wait_loop_runs_to_success()
    {
        var job = await _client.SubmitSparkJobAsync(Minimal(), default);
        var seen = new List<string>();

        var result = await Poller.WaitAsync(cancel => _client.GetSparkJobStateAsync(job.Id, cancel),
            Poller.States([SparkJobStates.Success], SparkJobStates.IsTerminal), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50),
            TimeProvider.System, (state, _) => seen.Add(state), initial: null, default);

        Assert.Equal(WaitOutcome.Reached, result.Outcome);
        Assert.Equal(SparkJobStates.Success, result.Last);
        // Every state read was reported; how many there were depends on the machine's load, not on the code.
        Assert.Equal(SparkJobStates.Success, seen[^1]);
    }

    [Fact]
    public async Task A_job_made_to_die_is_terminal_and_its_log_ends_with_the_lines_it_died_with()
    {
        var job = await _client.SubmitSparkJobAsync(Minimal(), default);
        // Held running first: on a loaded machine the job's 300 ms can pass before the failure arrives, and a job that
        // has succeeded cannot die.
        await _emulator.HoldSparkJobAsync(job.Id, SparkJobStates.Running);
        Assert.Equal("dead", await _emulator.FailSparkJobAsync(job.Id, "Exception in thread main", "at com.example.Main"));

        var result = await Poller.WaitAsync(cancel => _client.GetSparkJobStateAsync(job.Id, cancel),
            Poller.States([SparkJobStates.Success], SparkJobStates.IsTerminal), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50),
            TimeProvider.System, null, initial: null, default);
        var tail = await _client.GetSparkJobLogAsync(job.Id, new SparkJobLogQuery { Size = LogTail.LinesToRead }, default);

        Assert.Equal(WaitOutcome.Terminal, result.Outcome);
        Assert.Equal(SparkJobStates.Dead, result.Last);
        Assert.Contains("at com.example.Main", LogTail.Meaningful(tail.Items, 10));
    }

    [Fact]
    public async Task The_list_sends_every_filter_and_streams_page_by_page()
    {
        for (var i = 0; i < 5; i++) await _client.SubmitSparkJobAsync(Minimal($"job-{i}"), default);
        await _emulator.ClearJournalAsync();

        var jobs = new List<SparkJob>();
        await foreach (var job in _client.ListSparkJobs(new SparkJobListQuery { Queue = "q", Order = SparkJobOrder.CreateTimeAsc },
                           new ListingOptions<SparkJob> { PageSize = 2 }))
            jobs.Add(job);

        Assert.Equal(["job-0", "job-1", "job-2", "job-3", "job-4"], jobs.Select(j => j.Name));
        Assert.Equal(
            ["?from=0&order=CREATE_TIME_ASC&queue_name=q&size=2", "?from=2&order=CREATE_TIME_ASC&queue_name=q&size=2",
             "?from=4&order=CREATE_TIME_ASC&queue_name=q&size=2"],
            (await RequestsAsync("GET")).Select(e => (string)e["query"]!));
        var one = await _client.ListSparkJobsPageAsync(new SparkJobListQuery { JobId = jobs[3].Id }, 0, 10, default);
        Assert.Equal(jobs[3].Id, Assert.Single(one.Items).Id);
        Assert.Equal(1, one.Total);
    }

    [Fact]
    public async Task The_log_is_read_in_pages_from_the_offset_given()
    {
        var job = await _client.SubmitSparkJobAsync(Minimal(), default);
        await _emulator.HoldSparkJobAsync(job.Id, "running");
        var all = (await _client.GetSparkJobLogAsync(job.Id, new SparkJobLogQuery { From = 0, Size = 1000 }, default)).Items;

        var lines = new List<string>();
        await foreach (var line in _client.SparkJobLog(job.Id, new SparkJobLogQuery()).Read(new ListingOptions<string> { Skip = 1, PageSize = 1 }))
            lines.Add(line);

        Assert.True(all.Count >= 2, "the emulator logs the job's start");
        Assert.Equal(all.Skip(1), lines);
    }

    [Fact]
    public async Task Log_from_and_total_are_read_from_numbers_or_strings()
    {
        await _emulator.AddFaultAsync(new
        {
            method = "GET", path = "/v2.0/*/batches/*/log", count = 1, status = 200, contentType = "application/json",
            body = """{"id":"x","from":"7","total":"9","log":["a","b"]}""",
        });

        var page = await _client.GetSparkJobLogAsync("x", new SparkJobLogQuery { From = 7 }, default);

        Assert.Equal(7, page.From);
        Assert.Equal(9, page.Total);
        Assert.Equal(["a", "b"], page.Items);
    }

    [Fact]
    public async Task A_log_page_without_a_total_ends_the_log_at_its_last_line_not_at_its_line_count()
    {
        await _emulator.AddFaultAsync(new
        {
            method = "GET", path = "/v2.0/*/batches/*/log", count = 1, status = 200, contentType = "application/json",
            body = """{"id":"x","from":7,"log":["a","b"]}""",
        });

        var page = await _client.GetSparkJobLogAsync("x", new SparkJobLogQuery { From = 7 }, default);

        // Two lines from line 7 on: the log has 9, not 2 (which would look like a log that shrank to a follow).
        Assert.Equal(9, page.Total);
    }

    [Fact]
    public async Task A_list_under_batches_with_array_app_ids_and_a_capitalised_state_is_read()
    {
        await _emulator.AddFaultAsync(new
        {
            method = "GET", path = "/v2.0/*/batches", count = 1, status = 200, contentType = "application/json",
            body = """{"from":0,"total":1,"batches":[{"id":"j1","state":"Success","appId":["application_1"],"create_time":"1700000000000"}]}""",
        });

        var page = await _client.ListSparkJobsPageAsync(SparkJobListQuery.All, 0, 10, default);

        var job = Assert.Single(page.Items);
        Assert.Equal("application_1", job.AppId);
        Assert.True(job.IsTerminal);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), job.CreateTime);
    }

    [Fact]
    public async Task Cancel_kills_a_running_job_and_DLI_refuses_to_cancel_it_again()
    {
        var job = await _client.SubmitSparkJobAsync(Minimal(), default);
        await _emulator.HoldSparkJobAsync(job.Id, "running");

        await _client.CancelSparkJobAsync(job.Id, default);
        var again = await Assert.ThrowsAsync<DliApiException>(() => _client.CancelSparkJobAsync(job.Id, default));

        Assert.Equal(SparkJobStates.Dead, await _client.GetSparkJobStateAsync(job.Id, default));
        Assert.Equal("DLI.0007", again.ErrorId);
        Assert.Contains("already ended", again.Message);
    }

    [Fact]
    public async Task An_unknown_job_is_DLI_0002_not_found()
    {
        var error = await Assert.ThrowsAsync<DliApiException>(() => _client.GetSparkJobAsync("6f0c1e39-3f1d-4e59-9a57-000000000000", default));

        Assert.Equal("DLI.0002", error.ErrorId);
        Assert.Equal(DliErrorKind.NotFound, error.Kind);
    }
}
