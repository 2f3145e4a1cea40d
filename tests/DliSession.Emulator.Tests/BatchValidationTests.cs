using System.Text.Json;

namespace DliSession.Emulator.Tests;

/// <summary>Every documented rule of the create body (dli-batch-api §4), the list query (§5.1) and the log query
/// (§5.2): a broken one is DLI.0001 with a message naming the field, and nothing is created.</summary>
public sealed class BatchValidationTests : IAsyncLifetime
{
    private const string Batches = TestEmulator.BatchesPath;

    /// <summary>A valid body with the given fields added or replaced.</summary>
    private static string With(string fields) =>
        $$"""{"file":"obs://bucket/app.jar","className":"com.example.Main","queue":"q1",{{fields}}}""";

    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();
    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task AssertInvalidAsync(HttpMethod method, string path, string? body, string expected)
    {
        var json = await _emulator.JsonAsync(method, path, body, expectedStatus: 400);
        Assert.Equal("DLI.0001", json.GetProperty("error_code").GetString());
        Assert.Contains(expected, json.GetProperty("error_msg").GetString());
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1]", "JSON object")]
    [InlineData("""{"className":"c","queue":"q"}""", "file is required")]
    [InlineData("""{"file":"  ","className":"c","queue":"q"}""", "file is required")]
    [InlineData("""{"file":7,"className":"c","queue":"q"}""", "file must be a string")]
    [InlineData("""{"file":"f","queue":"q"}""", "className is required.")]
    [InlineData("""{"file":"f","class_name":"c","queue":"q"}""", "class_name is the retired spelling; send className")]
    [InlineData("""{"file":"f","className":"","queue":"q"}""", "className is required")]
    [InlineData("""{"file":"f","className":"c"}""", "queue (or cluster_name) is required")]
    [InlineData("""{"file":"f","className":"c","queue":" "}""", "queue (or cluster_name) is required")]
    [InlineData("""{"file":"f","className":"c","queue":"q","cluster_name":"q"}""", "not both")]
    [InlineData("""{"file":"f","className":"c","cluster_name":5}""", "cluster_name must be a string")]
    public async Task Missing_or_conflicting_required_fields_are_DLI_0001(string body, string expected) =>
        await AssertInvalidAsync(HttpMethod.Post, Batches, body, expected);

    [Theory]
    [InlineData("\"sc_type\":\"D\"", "sc_type must be A, B or C")]
    [InlineData("\"sc_type\":\"a\"", "sc_type must be A, B or C")]
    [InlineData("\"args\":\"x\"", "args must be an array")]
    [InlineData("\"args\":[1]", "args[0] must be a string")]
    [InlineData("\"jars\":\"a.jar\"", "jars must be an array")]
    [InlineData("\"pyFiles\":[1]", "pyFiles[0] must be a string")]
    [InlineData("\"files\":{}", "files must be an array")]
    [InlineData("\"modules\":[true]", "modules[0] must be a string")]
    [InlineData("\"resources\":[\"a.jar\"]", "resources[0] must be an object")]
    [InlineData("\"resources\":[{\"name\":\"a.jar\"}]", "resources[0].type")]
    [InlineData("\"groups\":[{\"name\":\"g\",\"resources\":[{\"type\":\"jar\"}]}]", "groups[0].resources[0].name")]
    [InlineData("\"conf\":[{\"a\":\"b\"}]", "conf must be a JSON object")]
    [InlineData("\"name\":7", "name must be a string")]
    [InlineData("\"driverMemory\":\"2048\"", "driverMemory must be a number with a unit")]
    [InlineData("\"executorMemory\":\"2x\"", "executorMemory must be a number with a unit")]
    [InlineData("\"driverCores\":-1", "driverCores must be an integer of at least 0")]
    [InlineData("\"executorCores\":1.5", "executorCores must be an integer of at least 0")]
    [InlineData("\"numExecutors\":\"2\"", "numExecutors must be an integer of at least 0")]
    [InlineData("\"feature\":\"gpu\"", "feature must be basic, ai or custom")]
    [InlineData("\"feature\":\"custom\"", "image is required when feature is custom")]
    [InlineData("\"feature\":\"custom\",\"image\":\"\"", "image is required when feature is custom")]
    [InlineData("\"spark_version\":3.3", "spark_version must be a string")]
    [InlineData("\"auto_recovery\":\"true\"", "auto_recovery must be true or false")]
    [InlineData("\"max_retry_times\":-1", "max_retry_times must be an integer from 0 to 100")]
    [InlineData("\"max_retry_times\":101", "max_retry_times must be an integer from 0 to 100")]
    [InlineData("\"max_retry_times\":2.5", "max_retry_times must be an integer from 0 to 100")]
    [InlineData("\"image\":5", "image must be a string")]
    [InlineData("\"execution_agency_urn\":1", "execution_agency_urn must be a string")]
    [InlineData("\"obs_bucket\":[]", "obs_bucket must be a string")]
    [InlineData("\"catalog_name\":{}", "catalog_name must be a string")]
    public async Task A_broken_field_rule_is_DLI_0001_naming_the_field(string field, string expected) =>
        await AssertInvalidAsync(HttpMethod.Post, Batches, With(field), expected);

    [Fact]
    public async Task A_refused_create_creates_nothing()
    {
        await AssertInvalidAsync(HttpMethod.Post, Batches, With("\"sc_type\":\"Z\""), "sc_type");
        Assert.Equal(0, (await _emulator.JsonAsync(HttpMethod.Get, Batches)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_name_of_128_characters_is_accepted_and_129_refused()
    {
        var created = await _emulator.JsonAsync(HttpMethod.Post, Batches, With($"\"name\":\"{new string('n', 128)}\""));
        Assert.Equal(128, created.GetProperty("name").GetString()!.Length);
        await AssertInvalidAsync(HttpMethod.Post, Batches, With($"\"name\":\"{new string('n', 129)}\""), "name must be at most 128 characters");
    }

    [Theory]
    [InlineData("\"max_retry_times\":0,\"auto_recovery\":true")]
    [InlineData("\"max_retry_times\":100,\"auto_recovery\":false")]
    [InlineData("\"driverCores\":0,\"executorCores\":0,\"numExecutors\":0")]
    [InlineData("\"driverMemory\":\"2G\",\"executorMemory\":\"2048m\"")]
    [InlineData("\"feature\":\"custom\",\"image\":\"org/image:1.0\"")]
    [InlineData("\"feature\":\"ai\",\"spark_version\":\"3.3.1\"")]
    [InlineData("\"sc_type\":\"C\",\"args\":[\"a\",\"b\"],\"conf\":{\"spark.x\":\"1\",\"n\":2}")]
    [InlineData("\"resources\":[{\"name\":\"a.jar\",\"type\":\"jar\"}],\"groups\":[{\"name\":\"g\",\"resources\":[{\"name\":\"b.jar\",\"type\":\"jar\"}]}]")]
    [InlineData("\"execution_agency_urn\":\"dli_agency\",\"obs_bucket\":\"b\",\"catalog_name\":\"dli\",\"surprise\":{\"x\":1}")]
    [InlineData("\"name\":null,\"jars\":null")]
    public async Task Values_at_the_limits_and_unknown_or_null_fields_are_accepted(string fields) =>
        Assert.Equal("starting", (await _emulator.JsonAsync(HttpMethod.Post, Batches, With(fields))).GetProperty("state").GetString());

    [Theory]
    [InlineData("?from=-1", "from must be a non-negative integer")]
    [InlineData("?size=abc", "size must be a non-negative integer")]
    [InlineData("?size=3000000000", "size must be a non-negative integer of at most")]
    [InlineData("?state=killed", "state must be one of starting, running, dead, success, recovering")]
    [InlineData("?order=NAME_ASC", "order must be one of DURATION_DESC, DURATION_ASC, CREATE_TIME_DESC, CREATE_TIME_ASC")]
    [InlineData("?start=-5", "start must be a non-negative integer")]
    [InlineData("?end=yesterday", "end must be a non-negative integer")]
    [InlineData("?job_id=abc", "job_id is not a parameter of this API; the filter is job-id")]
    [InlineData("?job-name=abc", "job-name is not a parameter of this API; the filter is job_name")]
    public async Task Bad_list_parameters_are_DLI_0001(string query, string expected) =>
        await AssertInvalidAsync(HttpMethod.Get, Batches + query, null, expected);

    [Theory]
    [InlineData("?type=executor", "type must be driver")]
    [InlineData("?index=-1", "index must be a non-negative integer")]
    [InlineData("?index=1", "index must be from 0 to 0")]
    [InlineData("?type=driver&index=2", "index must be from 0 to 0")]
    [InlineData("?from=x", "from must be a non-negative integer")]
    [InlineData("?size=-1", "size must be a non-negative integer")]
    public async Task Bad_log_parameters_are_DLI_0001(string query, string expected)
    {
        var id = await _emulator.CreateBatchAsync();
        await AssertInvalidAsync(HttpMethod.Get, $"{Batches}/{id}/log{query}", null, expected);
    }

    [Fact]
    public async Task State_and_order_values_are_matched_without_case_as_the_documentation_capitalises_them()
    {
        await _emulator.CreateBatchAsync();
        var list = await _emulator.JsonAsync(HttpMethod.Get, Batches + "?state=Starting&order=create_time_desc");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var log = await _emulator.JsonAsync(HttpMethod.Get,
            $"{Batches}/{list.GetProperty("sessions")[0].GetProperty("id").GetString()}/log?type=Driver");
        Assert.Equal(JsonValueKind.Number, log.GetProperty("from").ValueKind);
    }
}
